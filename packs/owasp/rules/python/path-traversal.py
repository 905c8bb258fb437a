import os
from pathlib import Path

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_DIR = "/srv/app/uploads"


@app.get("/download")
def download():
    name = request.args.get("file")
    # ruleid: owasp.python.path-traversal
    return send_file(os.path.join(UPLOAD_DIR, name))


@app.get("/raw")
def raw():
    # ruleid: owasp.python.path-traversal
    with open(UPLOAD_DIR + "/" + request.args["name"], "rb") as fh:
        return fh.read()


@app.post("/upload")
def upload():
    f = request.files["document"]
    # ruleid: owasp.python.path-traversal
    target = Path(UPLOAD_DIR, f.filename)
    f.save(target)
    return {"saved": str(target)}


@app.delete("/files/<path:name>")
def delete(name):
    # ruleid: owasp.python.path-traversal
    os.remove(os.path.join(UPLOAD_DIR, request.view_args["name"]))
    return "", 204


@app.get("/safe-download")
def safe_download():
    # ok: owasp.python.path-traversal
    return send_from_directory(UPLOAD_DIR, request.args.get("file"))


@app.post("/safe-upload")
def safe_upload():
    f = request.files["document"]
    name = secure_filename(f.filename)
    # ok: owasp.python.path-traversal
    f.save(os.path.join(UPLOAD_DIR, name))
    # ok: owasp.python.path-traversal
    with open(os.path.join(UPLOAD_DIR, "index.txt"), "a") as idx:
        idx.write(name + "\n")
    return {"saved": name}
