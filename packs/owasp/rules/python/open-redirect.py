from django.http import HttpResponseRedirect
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.post("/login")
def login():
    next_url = request.args.get("next", "/")
    # ruleid: owasp.python.open-redirect
    return redirect(next_url)


@app.get("/out")
def outbound():
    # ruleid: owasp.python.open-redirect
    return redirect(request.values["to"], code=302)


def django_logout(request):
    # ruleid: owasp.python.open-redirect
    return HttpResponseRedirect(request.GET.get("return_to", "/"))


@app.get("/go")
def go():
    page = request.args.get("page", "index")
    # ok: owasp.python.open-redirect
    return redirect(url_for("docs", page=page))


@app.get("/home")
def home():
    # ok: owasp.python.open-redirect
    return redirect("/dashboard")
