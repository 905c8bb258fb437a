"""LLM clients and the chat helper shared by the API routes.

Clients are created at import time (no network traffic happens until a request is made).
"""
import os

from anthropic import Anthropic
from openai import OpenAI

CHAT_MODEL = os.environ.get("ACME_CHAT_MODEL", "gpt-4o-mini")
SUMMARY_MODEL = os.environ.get("ACME_SUMMARY_MODEL", "claude-3-5-haiku-latest")

# The main client: explicit timeout and bounded retries.
openai_client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"), timeout=30.0, max_retries=2)

# Used for long-document summaries. No timeout: a stalled call holds a worker for up to
# 10 minutes (the SDK default).
anthropic_client = Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))


def chat(messages, *, max_tokens=800, temperature=0.2, tools=None):
    """One chat completion; returns the raw response."""
    kwargs = {"model": CHAT_MODEL, "messages": messages, "max_tokens": max_tokens, "temperature": temperature}
    if tools:
        kwargs["tools"] = tools
    return openai_client.chat.completions.create(**kwargs)


def summarize(text):
    message = anthropic_client.messages.create(
        model=SUMMARY_MODEL,
        max_tokens=400,
        system="Summarize the document for a support agent in five bullet points.",
        messages=[{"role": "user", "content": text}],
    )
    return message.content[0].text
