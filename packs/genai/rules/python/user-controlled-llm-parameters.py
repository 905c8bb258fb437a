from fastapi import FastAPI
from flask import Flask, request
from openai import OpenAI
from pydantic import BaseModel

client = OpenAI(timeout=30)
app = Flask(__name__)
api = FastAPI()

MODELS = {"fast": "gpt-4o-mini", "smart": "gpt-4o"}


class ChatBody(BaseModel):
    message: str
    model: str = "gpt-4o-mini"
    max_tokens: int = 512


@app.post("/chat")
def chat():
    body = request.get_json()
    resp = client.chat.completions.create(
        # ruleid: genai.user-controlled-llm-parameters
        model=body.get("model", "gpt-4o-mini"),
        messages=[{"role": "user", "content": body["message"]}],
        # ruleid: genai.user-controlled-llm-parameters
        max_tokens=int(body.get("max_tokens", 512)),
        # ruleid: genai.user-controlled-llm-parameters
        n=body.get("n", 1),
    )
    return {"choices": [c.message.content for c in resp.choices]}


@api.post("/v2/chat")
async def chat_v2(body: ChatBody):
    # ruleid: genai.user-controlled-llm-parameters
    resp = client.responses.create(model=body.model, input=body.message, max_output_tokens=500)
    return {"answer": resp.output_text}


# --- near misses -----------------------------------------------------------------------------


@app.post("/chat-safe")
def chat_safe():
    body = request.get_json()
    resp = client.chat.completions.create(
        # ok: genai.user-controlled-llm-parameters
        model=MODELS.get(body.get("tier"), "gpt-4o-mini"),
        # The user's message is the input, not a parameter.
        # ok: genai.user-controlled-llm-parameters
        messages=[{"role": "user", "content": body["message"]}],
        # ok: genai.user-controlled-llm-parameters
        max_tokens=min(int(body.get("max_tokens", 512)), 1024),
    )
    return {"answer": resp.choices[0].message.content}
