import base64
import json
import marshal
import pickle
import shelve

import jsonpickle
import pandas as pd
from flask import Flask, request

app = Flask(__name__)


@app.post("/session/restore")
def restore_session():
    blob = base64.b64decode(request.cookies["state"])
    # ruleid: owasp.python.insecure-deserialization
    state = pickle.loads(blob)
    return {"user": state["user"]}


def load_job(redis_client, job_id):
    # ruleid: owasp.python.insecure-deserialization
    return jsonpickle.decode(redis_client.get(f"job:{job_id}"))


def load_code(path):
    with open(path, "rb") as fh:
        # ruleid: owasp.python.insecure-deserialization
        return marshal.load(fh)


def open_store(path):
    # ruleid: owasp.python.insecure-deserialization
    return shelve.open(path)


def load_frame(upload):
    # ruleid: owasp.python.insecure-deserialization
    return pd.read_pickle(upload)


@app.post("/session/restore-json")
def restore_json():
    # ok: owasp.python.insecure-deserialization
    state = json.loads(base64.b64decode(request.cookies["state"]))
    return {"user": state["user"]}


def save(obj, path):
    with open(path, "wb") as fh:
        # ok: owasp.python.insecure-deserialization
        pickle.dump(obj, fh)


def load_csv(upload):
    # ok: owasp.python.insecure-deserialization
    return pd.read_csv(upload)
