from anthropic import Anthropic
from fastapi import FastAPI
from flask import Flask, request
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from openai import OpenAI
from pydantic import BaseModel

app = Flask(__name__)
api = FastAPI()
client = OpenAI(timeout=30)
claude = Anthropic(timeout=30)

SYSTEM_PROMPT = "You are a support assistant for Acme. Answer only questions about Acme products."
PERSONAS = {"friendly": "Be warm and concise.", "formal": "Use a formal register."}


class ChatRequest(BaseModel):
    question: str
    tone: str = "friendly"


@app.post("/chat")
def chat():
    messages = [
        # ruleid: genai.user-input-in-system-prompt
        {"role": "system", "content": f"{SYSTEM_PROMPT} Persona: {request.json['persona']}"},
        {"role": "user", "content": request.json["question"]},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)


@app.get("/ask")
def ask():
    # ruleid: genai.user-input-in-system-prompt
    system = {"content": SYSTEM_PROMPT + " Reply in " + request.args.get("lang", "English"), "role": "developer"}
    user = {"role": "user", "content": request.args["q"]}
    return client.chat.completions.create(model="gpt-4o-mini", messages=[system, user])


@app.post("/translate")
def translate():
    target = request.form["target_language"]
    prompt = [
        # ruleid: genai.user-input-in-system-prompt
        {"role": "system", "content": "Translate everything into {}.".format(target)},
        {"role": "user", "content": request.form["text"]},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=prompt)


@app.post("/claude")
def claude_chat():
    body = request.get_json()
    return claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=1024,
        # ruleid: genai.user-input-in-system-prompt
        system=f"You are {body['role']}.",
        messages=[{"role": "user", "content": body["question"]}],
    )


@app.post("/lc")
def langchain_chat():
    persona = request.json["persona"]
    named = [
        # ruleid: genai.user-input-in-system-prompt
        {"role": "system", "name": "policy", "content": "Policy for " + persona},
    ]
    template = ChatPromptTemplate.from_messages(
        [
            # ruleid: genai.user-input-in-system-prompt
            ("system", "You are " + persona),
            ("human", "{question}"),
        ]
    )
    # ruleid: genai.user-input-in-system-prompt
    messages = [SystemMessage(content=f"Rules: {request.json['rules']}"), HumanMessage(content=request.json["question"])]
    return template, messages, named


@api.post("/v2/chat")
async def chat_v2(body: ChatRequest):
    # FastAPI hands the request body to the handler as a parameter.
    messages = [
        # ruleid: genai.user-input-in-system-prompt
        {"role": "system", "content": f"{SYSTEM_PROMPT} Tone: {body.tone}"},
        {"role": "user", "content": body.question},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)


@app.post("/v2/brand")
def brand_chat():
    payload = request.get_json()
    voice = payload.get("brand_voice", "")
    instructions = f"{SYSTEM_PROMPT}\nBrand voice: {voice}"
    # Two assignments between the request and the prompt.
    # ruleid: genai.user-input-in-system-prompt
    return client.responses.create(model="gpt-4o-mini", instructions=instructions, input=payload["question"])


@api.post("/v2/safe")
async def chat_v2_safe(body: ChatRequest):
    tone = PERSONAS.get(body.tone, PERSONAS["friendly"])
    messages = [
        # ok: genai.user-input-in-system-prompt
        {"role": "system", "content": f"{SYSTEM_PROMPT} {tone}"},
        # ok: genai.user-input-in-system-prompt
        {"role": "user", "content": body.question},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)


# --- near misses -----------------------------------------------------------------------------


@app.post("/safe")
def safe_chat():
    persona = PERSONAS.get(request.json.get("persona"), PERSONAS["friendly"])
    messages = [
        # The persona comes from a fixed allow-list, not from the request text.
        # ok: genai.user-input-in-system-prompt
        {"role": "system", "content": f"{SYSTEM_PROMPT} {persona}"},
        # ok: genai.user-input-in-system-prompt
        {"role": "system", "content": PERSONAS[request.json["persona"]]},
        # User text in the user role is how it should be.
        # ok: genai.user-input-in-system-prompt
        {"role": "user", "content": request.json["question"]},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)


@app.post("/safe-langchain")
def safe_langchain():
    template = ChatPromptTemplate.from_messages(
        [
            # ok: genai.user-input-in-system-prompt
            ("system", SYSTEM_PROMPT),
            # ok: genai.user-input-in-system-prompt
            ("human", request.json["question"]),
        ]
    )
    # ok: genai.user-input-in-system-prompt
    return template, [SystemMessage(content=SYSTEM_PROMPT), HumanMessage(content=request.json["question"])]


def build_prompt(today):
    # No request data involved.
    # ok: genai.user-input-in-system-prompt
    return {"role": "system", "content": f"{SYSTEM_PROMPT} Today is {today}."}
