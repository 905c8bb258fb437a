import httpx
import ollama
from anthropic import Anthropic, DefaultHttpxClient as AnthropicHttpxClient
from langchain_ollama import ChatOllama
from openai import AsyncOpenAI, DefaultAsyncHttpxClient, DefaultHttpxClient, OpenAI

GATEWAY = "https://llm-gateway.internal.example.com/v1"

client = OpenAI(
    base_url=GATEWAY,
    timeout=30,
    # ruleid: genai.llm-sdk-tls-verify-disabled
    http_client=DefaultHttpxClient(verify=False, proxy="http://proxy.internal:3128"),
)

# ruleid: genai.llm-sdk-tls-verify-disabled
aclient = AsyncOpenAI(base_url=GATEWAY, timeout=30, http_client=DefaultAsyncHttpxClient(verify=False))

# ruleid: genai.llm-sdk-tls-verify-disabled
claude = Anthropic(timeout=30, http_client=AnthropicHttpxClient(verify=False))

# ruleid: genai.llm-sdk-tls-verify-disabled
local = ollama.Client(host="https://ollama.gpu-box.lan:11434", verify=False)

# ruleid: genai.llm-sdk-tls-verify-disabled
chat = ChatOllama(model="llama3.1", base_url="https://ollama.gpu-box.lan:11434", client_kwargs={"verify": False})

# --- near misses -----------------------------------------------------------------------------

# ok: genai.llm-sdk-tls-verify-disabled
client = OpenAI(base_url=GATEWAY, timeout=30, http_client=DefaultHttpxClient(verify="/etc/ssl/internal-ca.pem"))

# ok: genai.llm-sdk-tls-verify-disabled
local = ollama.Client(host="https://ollama.gpu-box.lan:11434", verify=True)

# ok: genai.llm-sdk-tls-verify-disabled
chat = ChatOllama(model="llama3.1", client_kwargs={"timeout": 60})

# Some other library's Client: not reported here.
# ok: genai.llm-sdk-tls-verify-disabled
ldap = Client("ldaps://dir.example.com", verify=False)
