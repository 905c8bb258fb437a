import ast
import asyncio
import json
import os
import subprocess

from anthropic import Anthropic
from openai import OpenAI

client = OpenAI(timeout=30)


def run_generated_code(question):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    code = resp.choices[0].message.content
    print("about to run", len(code))
    # ruleid: genai.llm-output-code-exec
    exec(code)


def calculator(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    expression = resp.choices[0].message.content.strip().strip("`")
    # ruleid: genai.llm-output-code-exec
    return eval(expression)


def direct_use(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    # ruleid: genai.llm-output-code-exec
    result = eval(resp.choices[0].message.content)
    return result


def shell_agent(task):
    resp = client.responses.create(model="gpt-4o-mini", input=task)
    command = resp.output_text
    if command:
        # ruleid: genai.llm-output-code-exec
        os.system(command)
    # ruleid: genai.llm-output-code-exec
    return subprocess.run(f"bash -c '{command}'", shell=True, capture_output=True)


def claude_shell(task):
    message = Anthropic(timeout=30).messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": task}])
    cmd = message.content[0].text
    # ruleid: genai.llm-output-code-exec
    subprocess.check_output(["sh", "-c", cmd])


def chain_runner(chain, question):
    answer = chain.invoke({"question": question}).content
    # ruleid: genai.llm-output-code-exec
    exec(compile(answer, "<llm>", "exec"))


async def async_runner(llm, question):
    script = await llm.apredict(question)
    # ruleid: genai.llm-output-code-exec
    proc = await asyncio.create_subprocess_shell(script)
    return await proc.wait()


def tool_call_runner(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}], tools=TOOLS)
    for call in resp.choices[0].message.tool_calls:
        args = json.loads(call.function.arguments)
        # ruleid: genai.llm-output-code-exec
        os.popen(args["command"])


def local_model(generator, prompt):
    outputs = generator(prompt, max_new_tokens=64)
    snippet = outputs[0]["generated_text"]
    # ruleid: genai.llm-output-code-exec
    exec(snippet)


def ollama_runner(ollama, prompt):
    reply = ollama.chat(model="llama3", messages=[{"role": "user", "content": prompt}])
    code = reply["message"]["content"]
    # ruleid: genai.llm-output-code-exec
    exec(code, {"__builtins__": {}})


# --- near misses -----------------------------------------------------------------------------


def parse_literal(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    data = resp.choices[0].message.content
    # ok: genai.llm-output-code-exec
    value = ast.literal_eval(data)
    # ok: genai.llm-output-code-exec
    parsed = json.loads(data)
    # A constant command after the model call is fine.
    # ok: genai.llm-output-code-exec
    subprocess.run(["git", "status"], check=True)
    # ok: genai.llm-output-code-exec
    eval("1 + 1")
    return value, parsed


def unrelated_eval(expression):
    # Same variable name, but not model output in this function.
    code = expression
    # ok: genai.llm-output-code-exec
    return eval(code)


def before_the_call(question):
    # The sink comes before the model output exists.
    # ok: genai.llm-output-code-exec
    os.system("date")
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    text = resp.choices[0].message.content
    return text


def model_output_as_stdin(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    text = resp.choices[0].message.content
    # Data on stdin of a fixed program is not a command.
    # ok: genai.llm-output-code-exec
    subprocess.run(["wc", "-w"], input=text, text=True)


def two_hops(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    text = resp.choices[0].message.content
    blocks = text.split("```")
    code = blocks[1]
    # Two assignments between the model output and the sink.
    # ruleid: genai.llm-output-code-exec
    exec(code)
