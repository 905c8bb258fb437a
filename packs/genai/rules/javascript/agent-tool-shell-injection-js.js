import { tool } from "@langchain/core/tools";
import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";

const sh = promisify(exec);

export const grepTool = tool(
  async ({ pattern }) => {
    // ruleid: genai.agent-tool-shell-injection-js
    const { stdout } = await sh(`grep -rn '${pattern}' ./logs`);
    return stdout;
  },
  { name: "grep_logs", description: "Search the logs", schema: z.object({ pattern: z.string() }) },
);

export const fileInfo = tool(
  async ({ file }) => {
    // ok: genai.agent-tool-shell-injection-js
    const { stdout } = await promisify(execFile)("stat", ["--", file]);
    return stdout;
  },
  { name: "file_info", description: "Show file metadata", schema: z.object({ file: z.string() }) },
);
