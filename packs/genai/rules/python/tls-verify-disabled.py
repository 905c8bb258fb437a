import os

import httpx
import requests
from openai import OpenAI

INFERENCE_URL = "https://llm.internal.example:8443/v1/completions"


def complete(prompt, token):
    # ruleid: genai.tls-verify-disabled
    r = requests.post(INFERENCE_URL, json={"prompt": prompt}, headers={"Authorization": f"Bearer {token}"}, verify=False)
    return r.json()


def embed(texts):
    # ruleid: genai.tls-verify-disabled
    return httpx.post("https://embeddings.internal.example/embed", json={"input": texts}, verify=False).json()


def openai_via_proxy():
    # ruleid: genai.tls-verify-disabled
    http_client = httpx.Client(base_url="https://gateway.internal.example/v1", verify=False)
    return OpenAI(http_client=http_client, timeout=30)


def health():
    session = requests.Session()
    # ruleid: genai.tls-verify-disabled
    session.verify = False
    # ruleid: genai.tls-verify-disabled
    return session.get("https://llm.internal.example/health", verify=False)


async def stream(prompt):
    # ruleid: genai.tls-verify-disabled
    async with httpx.AsyncClient(verify=False) as client:
        async with client.stream("POST", INFERENCE_URL, json={"prompt": prompt}) as response:
            async for chunk in response.aiter_text():
                yield chunk


def tgi_generate(prompt):
    with requests.Session() as s:
        # ruleid: genai.tls-verify-disabled
        return s.post(INFERENCE_URL, json={"inputs": prompt}, verify=False).json()


# --- near misses -----------------------------------------------------------------------------


def complete_with_private_ca(prompt):
    # ok: genai.tls-verify-disabled
    return requests.post(INFERENCE_URL, json={"prompt": prompt}, verify="/etc/ssl/certs/internal-ca.pem").json()


def complete_default(prompt):
    # ok: genai.tls-verify-disabled
    return httpx.post(INFERENCE_URL, json={"prompt": prompt}, verify=True).json()


def complete_configurable(prompt):
    # ok: genai.tls-verify-disabled
    return requests.post(INFERENCE_URL, json={"prompt": prompt}, verify=os.environ.get("CA_BUNDLE", True)).json()


def unrelated(token):
    # Not an HTTP client: PyJWT's old signature flag is a different problem.
    # ok: genai.tls-verify-disabled
    return jwt.decode(token, verify=False)
