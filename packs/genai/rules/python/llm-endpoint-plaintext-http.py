import os

import litellm
from langchain_openai import ChatOpenAI
from openai import AzureOpenAI, OpenAI

# ruleid: genai.llm-endpoint-plaintext-http
client = OpenAI(base_url="http://llm-gateway.corp.example.com/v1", api_key=os.environ["GATEWAY_KEY"], timeout=30)

azure = AzureOpenAI(
    # ruleid: genai.llm-endpoint-plaintext-http
    azure_endpoint="http://acme-openai.openai.azure.com",
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
    timeout=30,
)

# ruleid: genai.llm-endpoint-plaintext-http
llm = ChatOpenAI(model="qwen2.5-72b", base_url="http://10.20.0.15:8000/v1", api_key=os.environ["VLLM_KEY"], timeout=60)


def ask(prompt):
    # ruleid: genai.llm-endpoint-plaintext-http
    return litellm.completion(model="openai/llama-3", api_base="http://inference.example.net/v1", messages=[{"role": "user", "content": prompt}], max_tokens=300)


# --- near misses -----------------------------------------------------------------------------

# ok: genai.llm-endpoint-plaintext-http
client = OpenAI(base_url="https://llm-gateway.corp.example.com/v1", api_key=os.environ["GATEWAY_KEY"], timeout=30)

# A local server (Ollama, vLLM, LM Studio on the same machine).
# ok: genai.llm-endpoint-plaintext-http
local = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama", timeout=30)

# ok: genai.llm-endpoint-plaintext-http
local = OpenAI(base_url="http://127.0.0.1:8000/v1", api_key="unused", timeout=30)

# ok: genai.llm-endpoint-plaintext-http
sidecar = ChatOpenAI(model="llama3", base_url="http://host.docker.internal:11434/v1", timeout=60)

# Not an LLM client.
# ok: genai.llm-endpoint-plaintext-http
webhook = Webhook(base_url="http://hooks.example.com")
