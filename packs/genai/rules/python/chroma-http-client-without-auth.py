import os

import chromadb
from chromadb.config import Settings

# ruleid: genai.chroma-http-client-without-auth
client = chromadb.HttpClient(host="chroma.prod.internal", port=8000)

# ruleid: genai.chroma-http-client-without-auth
client = chromadb.HttpClient(host=os.environ["CHROMA_HOST"], port=8000, ssl=True)


async def get_store():
    # ruleid: genai.chroma-http-client-without-auth
    return await chromadb.AsyncHttpClient(host="vectors.example.com", port=443, ssl=True)


# --- near misses -----------------------------------------------------------------------------

# ok: genai.chroma-http-client-without-auth
client = chromadb.HttpClient(host="chroma.prod.internal", port=8000, headers={"X-Chroma-Token": os.environ["CHROMA_TOKEN"]})

# ok: genai.chroma-http-client-without-auth
client = chromadb.HttpClient(
    host="chroma.prod.internal",
    settings=Settings(chroma_client_auth_provider="chromadb.auth.token_authn.TokenAuthClientProvider", chroma_client_auth_credentials=os.environ["CHROMA_TOKEN"]),
)

# ok: genai.chroma-http-client-without-auth
client = chromadb.HttpClient(host="localhost", port=8000)

# An embedded database has no network surface.
# ok: genai.chroma-http-client-without-auth
local = chromadb.PersistentClient(path="./chroma")
