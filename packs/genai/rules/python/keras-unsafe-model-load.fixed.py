import keras
import tensorflow as tf
from huggingface_hub import hf_hub_download
from keras.models import load_model

path = hf_hub_download("acme/sentiment-keras", "model.keras", revision="9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c")

# ruleid: genai.keras-unsafe-model-load
model = keras.models.load_model(path, safe_mode=True)

# ruleid: genai.keras-unsafe-model-load
legacy = tf.keras.models.load_model("uploads/classifier.keras", compile=False, safe_mode=True)

# ruleid: genai.keras-unsafe-model-load
ranker = load_model("models/ranker.keras", safe_mode=True)

# ok: genai.keras-unsafe-model-load
model = keras.models.load_model(path)

# ok: genai.keras-unsafe-model-load
model = keras.models.load_model(path, safe_mode=True)

# A different library's flag with the same name.
# ok: genai.keras-unsafe-model-load
config = yaml_loader.load(path, strict=False)
