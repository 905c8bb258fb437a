import urllib.request
from urllib.request import urlopen

import httpx
import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
ALLOWED_FEEDS = {"news": "https://feeds.example.com/news.xml", "blog": "https://blog.example.com/rss"}


@app.get("/preview")
def preview():
    url = request.args.get("url")
    # ruleid: owasp.python.ssrf
    page = requests.get(url, timeout=5)
    return jsonify(title=page.text[:200])


@app.post("/webhooks/test")
def test_webhook():
    target = request.get_json()["callback_url"]
    # ruleid: owasp.python.ssrf
    r = httpx.post(target, json={"event": "ping"}, timeout=5)
    return jsonify(status=r.status_code)


@app.get("/avatar")
def avatar():
    host = request.args["host"]
    # ruleid: owasp.python.ssrf
    with urllib.request.urlopen(f"https://{host}/avatar.png") as resp:
        return resp.read()


@app.get("/proxy")
def proxy():
    # ruleid: owasp.python.ssrf
    return urlopen(request.values.get("u")).read()


@app.get("/feed")
def feed():
    # ok: owasp.python.ssrf
    r = requests.get(ALLOWED_FEEDS["news"], headers={"User-Agent": request.headers.get("User-Agent", "")}, timeout=5)
    return r.text


@app.get("/status")
def status():
    service = request.args.get("service")
    # ok: owasp.python.ssrf
    r = requests.get("https://status.example.com/api/v2/summary.json", params={"service": service}, timeout=5)
    return r.json()


@app.get("/cached")
def cached(cache):
    # ok: owasp.python.ssrf
    hit = cache.get(request.args["key"])
    session = requests.Session()
    # ruleid: owasp.python.ssrf
    return hit or session.get(request.args["origin"] + "/data.json", timeout=5).text
