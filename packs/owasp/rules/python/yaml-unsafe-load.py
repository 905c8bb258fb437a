import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/pipelines")
def create_pipeline():
    # ruleid: owasp.python.yaml-unsafe-load
    spec = yaml.load(request.data)
    return {"steps": len(spec["steps"])}


def read_config(path):
    with open(path) as fh:
        # ruleid: owasp.python.yaml-unsafe-load
        return yaml.load(fh, Loader=yaml.Loader)


def read_manifest(text):
    # ruleid: owasp.python.yaml-unsafe-load
    return yaml.unsafe_load(text)


def read_values(text):
    # ruleid: owasp.python.yaml-unsafe-load
    return yaml.load(text, Loader=yaml.FullLoader)


def read_safe(text):
    # ok: owasp.python.yaml-unsafe-load
    return yaml.safe_load(text)


def read_safe_loader(text):
    # ok: owasp.python.yaml-unsafe-load
    return yaml.load(text, Loader=yaml.SafeLoader)


def read_c_safe_loader(text):
    # ok: owasp.python.yaml-unsafe-load
    return yaml.load(text, Loader=yaml.CSafeLoader)
