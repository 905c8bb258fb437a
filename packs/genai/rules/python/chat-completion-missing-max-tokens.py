from openai import AsyncOpenAI, OpenAI
from pydantic import BaseModel

client = OpenAI(timeout=30)
aclient = AsyncOpenAI(timeout=30)


class Ticket(BaseModel):
    category: str
    priority: int


def summarize(text):
    # ruleid: genai.chat-completion-missing-max-tokens
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarize:\n{text}"}],
        temperature=0.2,
    )
    return resp.choices[0].message.content


async def stream_answer(question):
    # ruleid: genai.chat-completion-missing-max-tokens
    stream = await aclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}], stream=True)
    async for chunk in stream:
        yield chunk.choices[0].delta.content or ""


def classify(text):
    # ruleid: genai.chat-completion-missing-max-tokens
    return client.beta.chat.completions.parse(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], response_format=Ticket)


# --- near misses -----------------------------------------------------------------------------


def bounded(text):
    # ok: genai.chat-completion-missing-max-tokens
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], max_tokens=400)


def bounded_reasoning(text):
    # ok: genai.chat-completion-missing-max-tokens
    return client.chat.completions.create(model="o4-mini", messages=[{"role": "user", "content": text}], max_completion_tokens=2000)


def forwarded(text, **options):
    # ok: genai.chat-completion-missing-max-tokens
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], **options)


def claude(anthropic_client, text):
    # Anthropic's API requires max_tokens, so its calls are not reported.
    # ok: genai.chat-completion-missing-max-tokens
    return anthropic_client.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": text}])
