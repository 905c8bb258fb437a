from langchain_core.prompts import ChatPromptTemplate, PromptTemplate

from app.db import prompt_store


def tenant_prompt(tenant_id):
    row = prompt_store.get(tenant_id)
    # ruleid: genai.langchain-jinja2-prompt-template
    return PromptTemplate(template=row.template, input_variables=["question"], template_format="jinja2")


def hub_prompt(text):
    # ruleid: genai.langchain-jinja2-prompt-template
    return PromptTemplate.from_template(text, template_format="jinja2")


def shared_prompt(path):
    with open(path) as fh:
        # ruleid: genai.langchain-jinja2-prompt-template
        return ChatPromptTemplate.from_template(fh.read(), template_format="jinja2")


# --- near misses -----------------------------------------------------------------------------

# A literal template written by the developer.
# ok: genai.langchain-jinja2-prompt-template
ANSWER = PromptTemplate(template="Answer {{ question }} using:\n{% for d in docs %}- {{ d }}\n{% endfor %}", input_variables=["question", "docs"], template_format="jinja2")

# ok: genai.langchain-jinja2-prompt-template
SUMMARY = PromptTemplate.from_template("""Summarize {{ text }} in {{ n }} bullet points.""", template_format="jinja2")


def f_string_prompt(text):
    # The default f-string format is not Jinja2.
    # ok: genai.langchain-jinja2-prompt-template
    return PromptTemplate.from_template(text)
