import transformers
from datasets import load_dataset
from sentence_transformers import SentenceTransformer
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

MODEL_ID = "acme/chat-7b"
REVISION = "5f0c3d1a9b2e4c6d8f0a1b3c5d7e9f1a2b3c4d5e"

# ruleid: genai.trust-remote-code
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=True)

tokenizer = AutoTokenizer.from_pretrained(
    MODEL_ID,
    revision=REVISION,
    # ruleid: genai.trust-remote-code
    trust_remote_code=True,
)

# ruleid: genai.trust-remote-code
generator = pipeline("text-generation", model=MODEL_ID, trust_remote_code=True)

# ruleid: genai.trust-remote-code
generator = transformers.pipeline(task="text-generation", model=MODEL_ID, trust_remote_code=True)

# ruleid: genai.trust-remote-code
dataset = load_dataset("acme/eval-set", trust_remote_code=True)

# ruleid: genai.trust-remote-code
embedder = SentenceTransformer("acme/embedder", trust_remote_code=True)

# ok: genai.trust-remote-code
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=False)

# ok: genai.trust-remote-code
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION)

# A value decided elsewhere is not reported (no constant propagation).
# ok: genai.trust-remote-code
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=settings.trust_remote_code)

# Comparing, not passing: not a call argument.
# ok: genai.trust-remote-code
if config.trust_remote_code == True:
    pass

# Passed through model_kwargs as a dict literal.
# ruleid: genai.trust-remote-code
llm = HuggingFacePipeline.from_model_id(model_id=MODEL_ID, task="text-generation", model_kwargs={"trust_remote_code": True})

# ok: genai.trust-remote-code
llm = HuggingFacePipeline.from_model_id(model_id=MODEL_ID, task="text-generation", model_kwargs={"trust_remote_code": False})

# ruleid: genai.trust-remote-code
llm = HuggingFacePipeline.from_model_id(model_id=MODEL_ID, task="text-generation", model_kwargs={"device_map": "auto", "trust_remote_code": True})
