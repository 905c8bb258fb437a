import torch
from datasets import load_dataset
from fastapi import FastAPI
from flask import Flask, request
from huggingface_hub import snapshot_download
from pydantic import BaseModel
from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline

app = Flask(__name__)
api = FastAPI()

MODELS = {
    "sentiment": ("acme/sentiment-base", "0d4c6a8f2b1e3d5c7a9b0c2d4e6f8a1b3c5d7e9f"),
    "toxicity": ("acme/toxicity-small", "7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f"),
}


class EvalJob(BaseModel):
    model_id: str
    dataset: str


@app.post("/classify")
def classify():
    model_name = request.json.get("model", "acme/sentiment-base")
    # ruleid: genai.user-controlled-model-source
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    # ruleid: genai.user-controlled-model-source
    model = AutoModelForSequenceClassification.from_pretrained(model_name)
    return {"labels": model(**tokenizer(request.json["text"], return_tensors="pt")).logits.tolist()}


@app.get("/generate")
def generate():
    # ruleid: genai.user-controlled-model-source
    generator = pipeline("text-generation", model=request.args["model"])
    return generator(request.args["prompt"], max_new_tokens=64)


@api.post("/eval")
async def run_eval(job: EvalJob):
    # ruleid: genai.user-controlled-model-source
    path = snapshot_download(repo_id=job.model_id)
    # ruleid: genai.user-controlled-model-source
    data = load_dataset(job.dataset, split="test")
    return {"path": path, "rows": len(data)}


@api.get("/hub")
def hub_model(repo: str, entry: str):
    # ruleid: genai.user-controlled-model-source
    return torch.hub.load(repo, entry)


# --- near misses -----------------------------------------------------------------------------


@app.post("/classify-safe")
def classify_safe():
    repo, revision = MODELS[request.json["task"]]
    # ok: genai.user-controlled-model-source
    model = AutoModelForSequenceClassification.from_pretrained(repo, revision=revision)
    return model.config.id2label


@api.post("/predict")
async def predict(text: str):
    # The request supplies the input text, not the model.
    # ok: genai.user-controlled-model-source
    classifier = pipeline("text-classification", model="acme/sentiment-base", revision="0d4c6a8f2b1e3d5c7a9b0c2d4e6f8a1b3c5d7e9f")
    return classifier(text)
