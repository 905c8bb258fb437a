import ast
import re
import subprocess
import sys

CODE_FENCE = re.compile(r"```(?:python)?\n(.*?)```", re.DOTALL)


def run_answer(answer: str):
    match = re.search(r"```python\n(.*?)```", answer, re.DOTALL)
    if match:
        code = match.group(1)
        # ruleid: genai.llm-code-block-exec
        exec(code, {})


def run_all_blocks(answer: str):
    for block in CODE_FENCE.findall(answer):
        # ruleid: genai.llm-code-block-exec
        subprocess.run([sys.executable, "-c", block], timeout=30)


def data_analyst(reply: str):
    parts = reply.split("```")
    snippet = parts[1].removeprefix("python\n")
    # ruleid: genai.llm-code-block-exec
    result = eval(compile(snippet, "<llm>", "exec"))
    return result


def shell_step(reply: str):
    blocks = re.findall(r"```(?:bash|sh)\n(.*?)```", reply, re.S)
    for command in blocks:
        # ruleid: genai.llm-code-block-exec
        subprocess.run(command, shell=True, check=False)


# --- near misses -----------------------------------------------------------------------------


def show_blocks(answer: str):
    blocks = CODE_FENCE.findall(answer)
    # Displayed, not run.
    # ok: genai.llm-code-block-exec
    print("\n\n".join(blocks))
    # ok: genai.llm-code-block-exec
    subprocess.run(["black", "--check", "."], check=False)


def parse_json_block(answer: str):
    match = re.search(r"```json\n(.*?)```", answer, re.DOTALL)
    # ok: genai.llm-code-block-exec
    return ast.literal_eval(match.group(1)) if match else None


def other_regex(line: str):
    version = re.search(r"v(\d+)\.(\d+)", line).group(0)
    # ok: genai.llm-code-block-exec
    return eval("1 + 1"), subprocess.run(["echo", version], check=True)
