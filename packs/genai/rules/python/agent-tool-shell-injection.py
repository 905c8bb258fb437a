import os
import shlex
import subprocess

from agents import function_tool
from crewai.tools import tool as crew_tool
from langchain_core.tools import BaseTool, tool


@tool
def grep_logs(pattern: str, service: str = "api") -> str:
    """Search the service logs for a pattern."""
    # ruleid: genai.agent-tool-shell-injection
    return subprocess.run(f"grep -r '{pattern}' /var/log/{service}", shell=True, capture_output=True, text=True).stdout


@tool("disk_usage")
def disk_usage(path: str) -> str:
    """Show disk usage of a directory."""
    # ruleid: genai.agent-tool-shell-injection
    return os.popen("du -sh " + path).read()


@function_tool
def run_tests(test_filter: str) -> str:
    """Run the unit tests that match a filter."""
    # ruleid: genai.agent-tool-shell-injection
    out = subprocess.check_output(["bash", "-c", f"pytest -k {test_filter}"], text=True)
    return out


class DeployTool(BaseTool):
    name: str = "deploy"
    description: str = "Deploy a branch to staging"

    def _run(self, branch: str) -> str:
        # ruleid: genai.agent-tool-shell-injection
        os.system(f"git checkout {branch} && make deploy")
        return "ok"


# --- near misses -----------------------------------------------------------------------------


@tool
def git_log(path: str) -> str:
    """Show the history of a file."""
    # An argument list without a shell: the path stays one argument.
    # ok: genai.agent-tool-shell-injection
    return subprocess.run(["git", "log", "--oneline", "--", path], capture_output=True, text=True).stdout


@tool
def quoted_grep(pattern: str) -> str:
    """Search the logs."""
    # ok: genai.agent-tool-shell-injection
    return subprocess.run("grep -r " + shlex.quote(pattern) + " /var/log/api", shell=True, capture_output=True, text=True).stdout


def not_a_tool(pattern: str) -> str:
    # Not an agent tool (other rules cover request input).
    # ok: genai.agent-tool-shell-injection
    return subprocess.run(f"grep -r '{pattern}' /var/log", shell=True, capture_output=True, text=True).stdout
