import asyncio
import shlex
import subprocess

from mcp.server import Server
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("devtools")
server = Server("ops")


@mcp.tool()
def run_command(command: str, cwd: str = ".") -> str:
    """Run a shell command in the project."""
    # ruleid: genai.mcp-tool-shell-injection
    result = subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True)
    return result.stdout + result.stderr


@mcp.tool()
async def tail_log(service: str, lines: int = 50) -> str:
    """Show the last lines of a service log."""
    # ruleid: genai.mcp-tool-shell-injection
    proc = await asyncio.create_subprocess_shell(f"journalctl -u {service} -n {lines}", stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return out.decode()


@server.call_tool()
async def call_tool(name: str, arguments: dict):
    if name == "docker_logs":
        # ruleid: genai.mcp-tool-shell-injection
        return subprocess.getoutput("docker logs --tail 100 " + arguments["container"])
    raise ValueError(name)


# --- near misses -----------------------------------------------------------------------------


@mcp.tool()
def git_status(path: str = ".") -> str:
    """Show git status for a path."""
    # ok: genai.mcp-tool-shell-injection
    return subprocess.run(["git", "status", "--short", "--", path], capture_output=True, text=True).stdout


@mcp.tool()
def count_lines(filename: str) -> str:
    """Count lines in a file."""
    # ok: genai.mcp-tool-shell-injection
    return subprocess.run("wc -l " + shlex.quote(filename), shell=True, capture_output=True, text=True).stdout


@mcp.resource("config://version")
def version(ref: str) -> str:
    # ok: genai.mcp-tool-shell-injection
    return subprocess.run("git describe --tags", shell=True, capture_output=True, text=True).stdout
