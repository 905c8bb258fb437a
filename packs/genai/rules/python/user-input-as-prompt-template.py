from fastapi import FastAPI
from flask import Flask, request
from langchain_core.prompts import ChatPromptTemplate, PromptTemplate
from langchain_openai import ChatOpenAI
from pydantic import BaseModel

app = Flask(__name__)
api = FastAPI()
llm = ChatOpenAI(model="gpt-4o-mini", timeout=30, max_tokens=500)
SYSTEM = "You answer questions about Acme's products using the context below.\n\n{context}"


class Ask(BaseModel):
    question: str


@app.post("/ask")
def ask():
    question = request.json["question"]
    prompt = ChatPromptTemplate.from_messages(
        [
            ("system", SYSTEM),
            # ruleid: genai.user-input-as-prompt-template
            ("human", question),
        ]
    )
    return (prompt | llm).invoke({"context": load_context()}).content


@app.post("/complete")
def complete():
    # ruleid: genai.user-input-as-prompt-template
    prompt = PromptTemplate.from_template("Context: {context}\n\nTask: " + request.form["task"])
    return (prompt | llm).invoke({"context": load_context()}).content


@api.post("/custom")
async def custom(body: Ask):
    # ruleid: genai.user-input-as-prompt-template
    prompt = PromptTemplate(template=body.question, input_variables=[], template_format="jinja2")
    return await (prompt | llm).ainvoke({})


# --- near misses -----------------------------------------------------------------------------


@app.post("/ask-safe")
def ask_safe():
    prompt = ChatPromptTemplate.from_messages(
        [
            # ok: genai.user-input-as-prompt-template
            ("system", SYSTEM),
            # ok: genai.user-input-as-prompt-template
            ("human", "{question}"),
        ]
    )
    return (prompt | llm).invoke({"context": load_context(), "question": request.json["question"]}).content


def offline_job(template_text):
    # Not request data.
    # ok: genai.user-input-as-prompt-template
    return PromptTemplate.from_template(template_text)
