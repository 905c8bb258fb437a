from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment(autoescape=True)
GREETING = "<h1>Hello {{ name }}</h1>"


@app.get("/hello")
def hello():
    name = request.args.get("name", "guest")
    # ruleid: owasp.python.template-injection
    return render_template_string("<h1>Hello " + name + "</h1>")


@app.get("/greet")
def greet():
    # ruleid: owasp.python.template-injection
    return render_template_string(f"<p>Welcome back, {request.args['user']}!</p>")


@app.post("/preview-email")
def preview_email():
    body = request.form["template"]
    # ruleid: owasp.python.template-injection
    return Template(body).render(customer="Ada")


@app.post("/render")
def render_snippet():
    data = request.get_json()
    # ruleid: owasp.python.template-injection
    tpl = env.from_string(data["snippet"])
    return tpl.render()


@app.get("/hello-safe")
def hello_safe():
    name = request.args.get("name", "guest")
    # ok: owasp.python.template-injection
    return render_template_string(GREETING, name=name)


@app.get("/profile")
def profile():
    # ok: owasp.python.template-injection
    return render_template("profile.html", user=request.args.get("user"))
