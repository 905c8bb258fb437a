"""Retrieval for the RAG chatbot: embed the question, search the local index, return passages.

The index is built offline by `build_index.py` (not included) into INDEX_DIR:
  vectors.npy    float32 matrix, one row per chunk
  chunks.pkl     list of {"id", "text", "source"} dicts, same order as the rows
  meta.json      embedding model name and dimension
"""
import json
import os
import pickle
from pathlib import Path

import numpy as np
import requests

INDEX_DIR = Path(os.environ.get("ACME_INDEX_DIR", "./data/index"))
EMBEDDINGS_URL = os.environ.get("EMBEDDINGS_URL", "https://embeddings.internal.example:8443")
CA_BUNDLE = os.environ.get("ACME_CA_BUNDLE", "/etc/ssl/certs/acme-internal-ca.pem")

_index = None


def load_index():
    global _index
    if _index is None:
        vectors = np.load(INDEX_DIR / "vectors.npy")
        with open(INDEX_DIR / "chunks.pkl", "rb") as f:
            chunks = pickle.load(f)
        with open(INDEX_DIR / "meta.json") as f:
            meta = json.load(f)
        _index = {"vectors": vectors, "chunks": chunks, "meta": meta}
    return _index


def embed(texts):
    # The TEI server sits behind the corporate proxy with a private certificate, and someone
    # "fixed" the TLS error by switching verification off.
    response = requests.post(f"{EMBEDDINGS_URL}/embed", json={"inputs": texts}, timeout=10, verify=False)
    response.raise_for_status()
    return np.asarray(response.json(), dtype=np.float32)


def embedder_health():
    # Same server, done right: verification on, with the internal CA bundle.
    return requests.get(f"{EMBEDDINGS_URL}/health", timeout=5, verify=CA_BUNDLE).ok


def search(question, k=4):
    index = load_index()
    query = embed([question])[0]
    scores = index["vectors"] @ query
    best = np.argsort(-scores)[:k]
    return [index["chunks"][i] | {"score": float(scores[i])} for i in best]
