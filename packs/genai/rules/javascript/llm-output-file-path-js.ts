import Anthropic from "@anthropic-ai/sdk";
import fs from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import OpenAI from "openai";

const openai = new OpenAI({ timeout: 30_000 });
const anthropic = new Anthropic({ timeout: 30_000 });
const WORKSPACE = "/srv/agent/workspace";

export async function handleToolCalls(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 500, messages: [{ role: "user", content: question }], tools: TOOLS });
  for (const call of completion.choices[0].message.tool_calls ?? []) {
    const args = JSON.parse(call.function.arguments);
    if (call.function.name === "read_file") {
      // ruleid: genai.llm-output-file-path-js
      return readFile(args.path, "utf8");
    }
    if (call.function.name === "delete_file") {
      // ruleid: genai.llm-output-file-path-js
      fs.rmSync(path.join(WORKSPACE, args.path), { recursive: true });
    }
  }
}

export async function saveReport(topic: string) {
  const msg = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages: [{ role: "user", content: `Report on ${topic}. First line: file name.` }] });
  const block = msg.content[0];
  const text = block.type === "text" ? block.text : "";
  const [filename, ...body] = text.split("\n");
  // ruleid: genai.llm-output-file-path-js
  await writeFile(path.join(WORKSPACE, filename), body.join("\n"));
  // ok: genai.llm-output-file-path-js
  await writeFile(path.join(WORKSPACE, path.basename(filename)), body.join("\n"));
  // The model output is only the content of a fixed file.
  // ok: genai.llm-output-file-path-js
  await writeFile(path.join(WORKSPACE, "latest.md"), body.join("\n"));
}

export async function userChosen(name: string) {
  // Not model output.
  // ok: genai.llm-output-file-path-js
  return readFile(path.join(WORKSPACE, name), "utf8");
}
