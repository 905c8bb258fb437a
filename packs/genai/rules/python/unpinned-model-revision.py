import os
from pathlib import Path

import huggingface_hub
import transformers
from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

MODEL_ID = "acme/chat-7b"
MODEL_SHA = "5f0c3d1a9b2e4c6d8f0a1b3c5d7e9f1a2b3c4d5e"

# ruleid: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained(MODEL_ID)

# ruleid: genai.unpinned-model-revision
tokenizer = AutoTokenizer.from_pretrained("acme/chat-7b", use_fast=True)

# ruleid: genai.unpinned-model-revision
weights = hf_hub_download(repo_id="acme/chat-7b", filename="model.safetensors")

# ruleid: genai.unpinned-model-revision
weights = huggingface_hub.hf_hub_download("acme/chat-7b", "model.safetensors")

# ruleid: genai.unpinned-model-revision
local_dir = snapshot_download("acme/chat-7b")

# ruleid: genai.unpinned-model-revision
generator = pipeline("text-generation", model="acme/chat-7b")

# ruleid: genai.unpinned-model-revision
generator = transformers.pipeline(task="summarization", model="acme/summarizer")

# A branch name moves with every push.
# ruleid: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision="main")

# ok: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=MODEL_SHA)

# ok: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision="5f0c3d1a9b2e4c6d8f0a1b3c5d7e9f1a2b3c4d5e")

# ok: genai.unpinned-model-revision
weights = hf_hub_download(repo_id="acme/chat-7b", filename="model.safetensors", revision=MODEL_SHA)

# ok: genai.unpinned-model-revision
local_dir = snapshot_download("acme/chat-7b", revision=MODEL_SHA)

# ok: genai.unpinned-model-revision
generator = pipeline("text-generation", model="acme/chat-7b", revision=MODEL_SHA)

# Local checkpoints download nothing.
# ok: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained("./checkpoints/finetuned")

# ok: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained("/models/chat-7b")

# ok: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained(os.path.join(MODELS_DIR, "chat-7b"))

# ok: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained(Path(MODELS_DIR) / "chat-7b")

# ok: genai.unpinned-model-revision
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, local_files_only=True)

# A model object handed to pipeline() downloads nothing.
# ok: genai.unpinned-model-revision
generator = pipeline("text-generation", model=model, tokenizer=tokenizer)

# Saving is not loading.
# ok: genai.unpinned-model-revision
model.save_pretrained("./checkpoints/finetuned")
