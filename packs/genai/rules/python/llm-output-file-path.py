import json
import os
import shutil
from pathlib import Path

from anthropic import Anthropic
from openai import OpenAI

client = OpenAI(timeout=30)
claude = Anthropic(timeout=30)
WORKSPACE = Path("/srv/agent/workspace")


def handle_tool_calls(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=500, messages=[{"role": "user", "content": question}], tools=TOOLS)
    for call in resp.choices[0].message.tool_calls or []:
        args = json.loads(call.function.arguments)
        if call.function.name == "read_file":
            # ruleid: genai.llm-output-file-path
            with open(args["path"]) as fh:
                return fh.read()
        if call.function.name == "delete_file":
            # ruleid: genai.llm-output-file-path
            os.remove(os.path.join(WORKSPACE, args["path"]))


def save_report(topic):
    message = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": f"Write a report on {topic}. First line: file name."}])
    text = message.content[0].text
    filename, _, body = text.partition("\n")
    # ruleid: genai.llm-output-file-path
    Path(WORKSPACE, filename).write_text(body)


def archive(agent, task):
    target = agent.invoke({"input": task})["output"]
    # ruleid: genai.llm-output-file-path
    shutil.rmtree(target)


# --- near misses -----------------------------------------------------------------------------


def save_report_safely(topic):
    message = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": topic}])
    text = message.content[0].text
    filename, _, body = text.partition("\n")
    # ok: genai.llm-output-file-path
    path = Path(WORKSPACE, os.path.basename(filename))
    # A fixed file, the model output is only the content.
    # ok: genai.llm-output-file-path
    with open(WORKSPACE / "latest.md", "w") as fh:
        fh.write(body)
    return path


def user_chosen(name):
    # Not model output (another rule's business).
    # ok: genai.llm-output-file-path
    return open(os.path.join(WORKSPACE, name)).read()
