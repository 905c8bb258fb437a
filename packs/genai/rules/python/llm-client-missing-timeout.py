import os

import anthropic
import httpx
import openai
from anthropic import Anthropic, AsyncAnthropic
from openai import AsyncOpenAI, AzureOpenAI, OpenAI

# ruleid: genai.llm-client-missing-timeout
client = OpenAI()

# ruleid: genai.llm-client-missing-timeout
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"], max_retries=5)

# ruleid: genai.llm-client-missing-timeout
aclient = openai.AsyncOpenAI(base_url="http://vllm:8000/v1")

# ruleid: genai.llm-client-missing-timeout
azure = AzureOpenAI(api_version="2024-10-21", azure_endpoint="https://acme.openai.azure.com")

# ruleid: genai.llm-client-missing-timeout
claude = Anthropic()

# ruleid: genai.llm-client-missing-timeout
claude = anthropic.AsyncAnthropic(api_key=os.environ["ANTHROPIC_API_KEY"])

# An explicit None turns the timeout off altogether.
# ruleid: genai.llm-client-missing-timeout
client = OpenAI(timeout=None)

# ok: genai.llm-client-missing-timeout
client = OpenAI(timeout=30.0, max_retries=2)

# ok: genai.llm-client-missing-timeout
aclient = AsyncOpenAI(timeout=httpx.Timeout(60.0, connect=5.0))

# ok: genai.llm-client-missing-timeout
claude = AsyncAnthropic(api_key=os.environ["ANTHROPIC_API_KEY"], timeout=45)

# ok: genai.llm-client-missing-timeout
client = OpenAI(**settings.openai_client_options)

# Not an SDK client (LangChain wrappers have their own options).
# ok: genai.llm-client-missing-timeout
llm = ChatOpenAI(model="gpt-4o-mini")

# ok: genai.llm-client-missing-timeout
name = "OpenAI"
