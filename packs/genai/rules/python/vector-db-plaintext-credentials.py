import os

import weaviate
from pymilvus import MilvusClient, connections
from qdrant_client import QdrantClient
from weaviate.classes.init import Auth

# ruleid: genai.vector-db-plaintext-credentials
qdrant = QdrantClient(host="qdrant.prod.internal", port=6333, https=False, api_key=os.environ["QDRANT_API_KEY"])

# ruleid: genai.vector-db-plaintext-credentials
qdrant = QdrantClient(url="http://qdrant.prod.internal:6333", api_key=os.environ["QDRANT_API_KEY"], prefer_grpc=True)

# ruleid: genai.vector-db-plaintext-credentials
milvus = MilvusClient(uri="http://milvus.prod.internal:19530", token=os.environ["MILVUS_TOKEN"])

# ruleid: genai.vector-db-plaintext-credentials
wv = weaviate.connect_to_custom(
    http_host="weaviate.prod.internal",
    http_port=8080,
    http_secure=False,
    grpc_host="weaviate.prod.internal",
    grpc_port=50051,
    grpc_secure=False,
    auth_credentials=Auth.api_key(os.environ["WEAVIATE_API_KEY"]),
)

# ruleid: genai.vector-db-plaintext-credentials
connections.connect(alias="default", host="milvus.prod.internal", port="19530", secure=False, user="root", password=os.environ["MILVUS_PASSWORD"])

# --- near misses -----------------------------------------------------------------------------

# ok: genai.vector-db-plaintext-credentials
qdrant = QdrantClient(url="https://qdrant.prod.internal:6333", api_key=os.environ["QDRANT_API_KEY"])

# A local development database without credentials.
# ok: genai.vector-db-plaintext-credentials
qdrant = QdrantClient(host="localhost", port=6333, https=False)

# ok: genai.vector-db-plaintext-credentials
qdrant = QdrantClient(url="http://localhost:6333", api_key="dev-only")

# ok: genai.vector-db-plaintext-credentials
milvus = MilvusClient(uri="https://milvus.prod.internal:19530", token=os.environ["MILVUS_TOKEN"])
