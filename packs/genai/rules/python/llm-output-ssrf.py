import json
import urllib.request

import httpx
import requests
from openai import OpenAI

client = OpenAI(timeout=30)
http = httpx.Client(timeout=10)


def browse_tool(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=400, messages=[{"role": "user", "content": question}], tools=TOOLS)
    call = resp.choices[0].message.tool_calls[0]
    args = json.loads(call.function.arguments)
    # ruleid: genai.llm-output-ssrf
    page = requests.get(args["url"], timeout=10)
    return page.text


def webhook(agent, event):
    result = agent.invoke({"input": f"Which webhook should receive {event}?"})
    # ruleid: genai.llm-output-ssrf
    http.post(result["output"], json=event)


def fetch_source(chain, topic):
    url = chain.invoke({"topic": topic}).content.strip()
    # ruleid: genai.llm-output-ssrf
    with urllib.request.urlopen(url, timeout=10) as fh:
        return fh.read()


# --- near misses -----------------------------------------------------------------------------


def fixed_endpoint(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=400, messages=[{"role": "user", "content": question}])
    answer = resp.choices[0].message.content
    # The model output is the payload, the URL is ours.
    # ok: genai.llm-output-ssrf
    requests.post("https://hooks.example.com/answers", json={"answer": answer}, timeout=10)
    return answer


def configured(base_url):
    # ok: genai.llm-output-ssrf
    return requests.get(base_url + "/health", timeout=5)
