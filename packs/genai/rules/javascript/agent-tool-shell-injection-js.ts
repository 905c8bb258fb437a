import { openai } from "@ai-sdk/openai";
import { DynamicTool } from "@langchain/core/tools";
import { generateText, tool } from "ai";
import { execFileSync, execSync } from "node:child_process";
import { z } from "zod";

export const tools = {
  runTests: tool({
    description: "Run the unit tests that match a filter",
    parameters: z.object({ filter: z.string() }),
    execute: async ({ filter }) => {
      // ruleid: genai.agent-tool-shell-injection-js
      return execSync(`npx vitest run -t "${filter}"`, { encoding: "utf8" });
    },
  }),
  diskUsage: tool({
    description: "Disk usage of a directory",
    parameters: z.object({ dir: z.string() }),
    async execute({ dir }) {
      // ruleid: genai.agent-tool-shell-injection-js
      return execSync("du -sh " + dir).toString();
    },
  }),
  gitLog: tool({
    description: "History of a file",
    parameters: z.object({ file: z.string() }),
    execute: async ({ file }) => {
      // An argument array without a shell.
      // ok: genai.agent-tool-shell-injection-js
      return execFileSync("git", ["log", "--oneline", "--", file], { encoding: "utf8" });
    },
  }),
};

export const deployTool = new DynamicTool({
  name: "deploy",
  description: "Deploy a branch to staging",
  func: async (branch: string) => {
    // ruleid: genai.agent-tool-shell-injection-js
    return execSync(`git checkout ${branch} && make deploy`).toString();
  },
});

export async function run(prompt: string) {
  // Not a tool handler.
  // ok: genai.agent-tool-shell-injection-js
  execSync("git fetch --quiet");
  return generateText({ model: openai("gpt-4o-mini"), tools, prompt, maxSteps: 5 });
}
