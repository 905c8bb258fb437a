import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { exec, execFile, execSync, spawn } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(exec);
const server = new McpServer({ name: "devtools", version: "1.0.0" });

server.tool("run_command", "Run a shell command in the project", { command: z.string() }, async ({ command }) => {
  // ruleid: genai.mcp-tool-shell-injection-js
  const { stdout, stderr } = await run(command, { cwd: process.cwd() });
  return { content: [{ type: "text", text: stdout + stderr }] };
});

server.registerTool(
  "grep",
  { description: "Search the code base", inputSchema: { pattern: z.string(), dir: z.string().default(".") } },
  async ({ pattern, dir }) => {
    // ruleid: genai.mcp-tool-shell-injection-js
    const out = execSync(`grep -rn "${pattern}" ${dir}`).toString();
    return { content: [{ type: "text", text: out }] };
  },
);

const lowLevel = new Server({ name: "ops", version: "1.0.0" }, { capabilities: { tools: {} } });
lowLevel.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = request.params.arguments as { container: string };
  // ruleid: genai.mcp-tool-shell-injection-js
  const child = spawn(`docker logs --tail 100 ${args.container}`, { shell: true });
  return { content: [{ type: "text", text: String(child.pid) }] };
});

// --- near misses ----------------------------------------------------------------------------

server.tool("git_log", "History of a file", { file: z.string() }, async ({ file }) => {
  // An argument array without a shell.
  // ok: genai.mcp-tool-shell-injection-js
  const out = await promisify(execFile)("git", ["log", "--oneline", "--", file]);
  return { content: [{ type: "text", text: out.stdout }] };
});

server.tool("uptime", "Host uptime", {}, async () => {
  // ok: genai.mcp-tool-shell-injection-js
  return { content: [{ type: "text", text: execSync("uptime").toString() }] };
});
