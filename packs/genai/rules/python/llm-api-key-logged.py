import logging
import os

import streamlit as st
from openai import OpenAI

logger = logging.getLogger(__name__)

OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
client = OpenAI(api_key=OPENAI_API_KEY, timeout=30)

# ruleid: genai.llm-api-key-logged
print(f"Using OpenAI key {OPENAI_API_KEY}")

# ruleid: genai.llm-api-key-logged
logger.debug("client configured: base_url=%s key=%s", client.base_url, client.api_key)

# ruleid: genai.llm-api-key-logged
logging.info("HF token: %s", os.getenv("HF_TOKEN"))


def call_gateway(messages, session):
    headers = {"Authorization": f"Bearer {OPENAI_API_KEY}", "Content-Type": "application/json"}
    # ruleid: genai.llm-api-key-logged
    logger.info("POST /v1/chat/completions messages=%s auth=%s", messages, headers["Authorization"])
    return session.post("https://gateway.example.com/v1/chat/completions", headers=headers, json={"messages": messages})


class GatewayClient:
    def __init__(self, api_key):
        self.api_key = api_key
        self.logger = logging.getLogger("gateway")
        # ruleid: genai.llm-api-key-logged
        self.logger.info("gateway client created with key %s", self.api_key)


def settings_page(config):
    # ruleid: genai.llm-api-key-logged
    st.write("Current settings:", config["anthropic_api_key"])


# --- near misses -----------------------------------------------------------------------------

# ok: genai.llm-api-key-logged
logger.info("OpenAI key configured: %s", bool(OPENAI_API_KEY))

# ok: genai.llm-api-key-logged
logger.info("OpenAI key ends with ...%s", OPENAI_API_KEY[-4:])

# ok: genai.llm-api-key-logged
logger.info("model=%s base_url=%s", "gpt-4o-mini", client.base_url)

# Token counts are not tokens.
# ok: genai.llm-api-key-logged
logger.info("usage: %s max_tokens=%s", resp_usage, max_tokens)

# ok: genai.llm-api-key-logged
print("Set OPENAI_API_KEY before running this script.")

# ok: genai.llm-api-key-logged
logger.info("key fingerprint %s", redact(OPENAI_API_KEY))
