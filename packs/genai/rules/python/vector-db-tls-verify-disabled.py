import os

from elasticsearch import Elasticsearch
from langchain_community.vectorstores import OpenSearchVectorSearch
from langchain_elasticsearch import ElasticsearchStore
from pinecone import Pinecone
from qdrant_client import QdrantClient

# ruleid: genai.vector-db-tls-verify-disabled
pc = Pinecone(api_key=os.environ["PINECONE_API_KEY"], proxy_url="https://proxy.corp:8443", ssl_verify=False)

# ruleid: genai.vector-db-tls-verify-disabled
qdrant = QdrantClient(url="https://qdrant.internal:6333", api_key=os.environ["QDRANT_API_KEY"], verify=False)

# ruleid: genai.vector-db-tls-verify-disabled
es = Elasticsearch("https://es.internal:9200", api_key=os.environ["ES_API_KEY"], verify_certs=False)

store = ElasticsearchStore(
    index_name="handbook",
    embedding=embeddings,
    # ruleid: genai.vector-db-tls-verify-disabled
    es_params={"verify_certs": False, "request_timeout": 30},
)

search = OpenSearchVectorSearch(
    opensearch_url="https://search.internal:9200",
    index_name="docs",
    embedding_function=embeddings,
    # ruleid: genai.vector-db-tls-verify-disabled
    verify_certs=False,
)

# ok: genai.vector-db-tls-verify-disabled
pc = Pinecone(api_key=os.environ["PINECONE_API_KEY"], ssl_ca_certs="/etc/ssl/corp-ca.pem")

# ok: genai.vector-db-tls-verify-disabled
es = Elasticsearch("https://es.internal:9200", api_key=os.environ["ES_API_KEY"], ca_certs="/etc/ssl/corp-ca.pem", verify_certs=True)

# ok: genai.vector-db-tls-verify-disabled
qdrant = QdrantClient(url="https://qdrant.internal:6333", api_key=os.environ["QDRANT_API_KEY"])
