import jinja2
from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template
from jinja2.sandbox import SandboxedEnvironment
from openai import OpenAI

client = OpenAI(timeout=30)
app = Flask(__name__)
env = Environment(autoescape=True)


def draft_email(customer):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=600,
        messages=[{"role": "user", "content": f"Write a Jinja2 email template greeting {{ name }} about: {customer.issue}"}],
    )
    template_text = resp.choices[0].message.content
    # ruleid: genai.llm-output-template-injection
    return Template(template_text).render(name=customer.name)


@app.post("/page")
def page():
    resp = client.responses.create(model="gpt-4o-mini", input=request.json["brief"])
    # ruleid: genai.llm-output-template-injection
    return render_template_string("<main>" + resp.output_text + "</main>")


def report(chain, data):
    layout = chain.invoke({"data": data}).content
    # ruleid: genai.llm-output-template-injection
    return env.from_string(layout).render(rows=data)


# --- near misses -----------------------------------------------------------------------------


def safe_email(customer):
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=600, messages=[{"role": "user", "content": customer.issue}])
    body = resp.choices[0].message.content
    # The answer is a variable of a constant template.
    # ok: genai.llm-output-template-injection
    return Template("<p>Hello {{ name }},</p><p>{{ body }}</p>").render(name=customer.name, body=body)


def sandboxed(chain, data):
    layout = chain.invoke({"data": data}).content
    # ok: genai.llm-output-template-injection
    return SandboxedEnvironment().from_string(layout).render(rows=data)


@app.get("/static")
def static_page():
    # ok: genai.llm-output-template-injection
    return render_template_string("<h1>{{ title }}</h1>", title="Help")
