import json

import redis
from langchain_core.load import dumps, load, loads
from langchain_core.messages import AIMessage, HumanMessage

cache = redis.Redis(host="cache", port=6379)


def restore_history(session_id):
    raw = cache.get(f"history:{session_id}")
    # ruleid: genai.langchain-load-untrusted
    return loads(raw)


def restore_from_upload(upload):
    data = json.load(upload)
    # ruleid: genai.langchain-load-untrusted
    return load(data, secrets_map={"OPENAI_API_KEY": "sk-placeholder"})


def restore_with_env(raw):
    # ruleid: genai.langchain-load-untrusted
    return loads(raw, allowed_objects=[AIMessage, HumanMessage], secrets_from_env=True)


# --- near misses -----------------------------------------------------------------------------


def restore_safely(session_id):
    raw = cache.get(f"history:{session_id}")
    # ok: genai.langchain-load-untrusted
    return loads(raw, allowed_objects=[AIMessage, HumanMessage], secrets_from_env=False)


def save(messages):
    # ok: genai.langchain-load-untrusted
    cache.set("history:last", dumps(messages))


def plain_json(text):
    # The standard library's json.loads is not LangChain's loader.
    # ok: genai.langchain-load-untrusted
    return json.loads(text)
