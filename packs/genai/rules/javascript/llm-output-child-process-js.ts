import { exec, execFile, execSync, spawn } from "node:child_process";
import * as cp from "node:child_process";
import OpenAI from "openai";

const openai = new OpenAI({ timeout: 30_000 });

export async function devopsBot(task: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "Reply with a single shell command." },
      { role: "user", content: task },
    ],
  });
  const command = completion.choices[0].message.content?.trim() ?? "";
  // ruleid: genai.llm-output-child-process-js
  exec(command, (err, stdout) => console.log(err ?? stdout));
  // ruleid: genai.llm-output-child-process-js
  return execSync(`bash -c "${command}"`).toString();
}

export async function direct(task: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: task }] });
  // ruleid: genai.llm-output-child-process-js
  cp.exec(completion.choices[0].message.content!);
}

export async function gitHelper(question: string) {
  const response = await openai.responses.create({ model: "gpt-4o-mini", input: question });
  const args = response.output_text.split(" ");
  // Model-chosen arguments to git: argument injection (--upload-pack=..., -c core.sshCommand=...).
  // ruleid: genai.llm-output-child-process-js
  const child = spawn("git", args);
  return child;
}

export async function toolCall(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }], tools: [] });
  const call = completion.choices[0].message.tool_calls![0];
  const { program, argv } = JSON.parse(call.function.arguments);
  const parsed = JSON.parse(call.function.arguments);
  // ruleid: genai.llm-output-child-process-js
  execFile(parsed.program, parsed.argv);
}

export async function fencedCommand(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages: [{ role: "user", content: question }] });
  const text = completion.choices[0].message.content ?? "";
  const lines = text.split("\n");
  const command = lines.find((line) => line.startsWith("$ "))?.slice(2) ?? "";
  // Two assignments between the model output and the sink.
  // ruleid: genai.llm-output-child-process-js
  return execSync(command, { encoding: "utf8" });
}

// --- near misses ------------------------------------------------------------------------------

const ALLOWED: Record<string, string[]> = { status: ["git", "status"], log: ["git", "log", "-n", "5"] };

export async function allowListed(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
  const choice = completion.choices[0].message.content ?? "";
  const [program, ...rest] = ALLOWED[choice] ?? ALLOWED.status;
  // ok: genai.llm-output-child-process-js
  execFile(program, rest);
  // A regular expression's exec() is not child_process.
  // ok: genai.llm-output-child-process-js
  const match = /```(\w+)/.exec(choice);
  // ok: genai.llm-output-child-process-js
  spawn("date");
  return match;
}
