import os

import chromadb
from chromadb.config import Settings

# ruleid: genai.chroma-allow-reset
client = chromadb.HttpClient(host=os.environ["CHROMA_HOST"], port=8000, settings=Settings(allow_reset=True, anonymized_telemetry=False))

CHROMA_SETTINGS = Settings(
    chroma_server_host="chroma.internal",
    chroma_server_http_port=8000,
    # ruleid: genai.chroma-allow-reset
    allow_reset=True,
)

# ruleid: genai.chroma-allow-reset
persistent = chromadb.PersistentClient(path="/data/chroma", settings=chromadb.config.Settings(allow_reset=True))

# ok: genai.chroma-allow-reset
client = chromadb.HttpClient(host=os.environ["CHROMA_HOST"], port=8000, settings=Settings(allow_reset=False))

# ok: genai.chroma-allow-reset
client = chromadb.HttpClient(host=os.environ["CHROMA_HOST"], port=8000, settings=Settings(anonymized_telemetry=False))

# A different settings class with a same-named flag.
# ok: genai.chroma-allow-reset
cache_settings = CacheSettings(allow_reset=True)
