import json
import pickle

import cloudpickle
import dill
import joblib
import numpy as np
import pandas as pd
from safetensors.numpy import load_file


def load_classifier(path):
    with open(path, "rb") as f:
        # ruleid: genai.pickle-model-load
        return pickle.load(f)


def load_from_cache(redis, key):
    # ruleid: genai.pickle-model-load
    return pickle.loads(redis.get(key))


def load_sklearn_pipeline(path):
    # ruleid: genai.pickle-model-load
    pipeline = joblib.load(path)
    return pipeline


def load_agent_state(blob):
    # ruleid: genai.pickle-model-load
    return cloudpickle.loads(blob)


def load_tool(blob):
    # ruleid: genai.pickle-model-load
    return dill.loads(blob)


def load_custom(f):
    # ruleid: genai.pickle-model-load
    return pickle.Unpickler(f).load()


def load_features(path):
    # ruleid: genai.pickle-model-load
    return pd.read_pickle(path)


def load_embeddings_unsafely(path):
    # ruleid: genai.pickle-model-load
    return np.load(path, allow_pickle=True)


def load_embeddings(path):
    # ok: genai.pickle-model-load
    return np.load(path)


def load_embeddings_explicit(path):
    # ok: genai.pickle-model-load
    return np.load(path, allow_pickle=False)


def load_weights(path):
    # ok: genai.pickle-model-load
    return load_file(path)


def save_classifier(model, path):
    with open(path, "wb") as f:
        # ok: genai.pickle-model-load
        pickle.dump(model, f)
    # ok: genai.pickle-model-load
    joblib.dump(model, path + ".joblib")


def load_config(path):
    with open(path) as f:
        # ok: genai.pickle-model-load
        return json.load(f)


def load_table(path):
    # ok: genai.pickle-model-load
    return pd.read_parquet(path)
