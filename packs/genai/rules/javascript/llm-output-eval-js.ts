import Anthropic from "@anthropic-ai/sdk";
import { generateText } from "ai";
import OpenAI from "openai";
import vm from "node:vm";

const openai = new OpenAI({ timeout: 30_000 });
const anthropic = new Anthropic({ timeout: 30_000 });

export async function calculator(question: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: question }],
  });
  const expression = completion.choices[0].message.content ?? "0";
  // ruleid: genai.llm-output-eval-js
  return eval(expression);
}

export async function direct(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
  // ruleid: genai.llm-output-eval-js
  return eval(completion.choices[0].message.content!);
}

export async function makeFilter(spec: string) {
  const response = await openai.responses.create({ model: "gpt-4o-mini", input: `Write a JS predicate body for: ${spec}` });
  const body = response.output_text;
  // ruleid: genai.llm-output-eval-js
  return new Function("row", body) as (row: unknown) => boolean;
}

export async function claudeTransform(data: unknown[]) {
  const msg = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, messages: [{ role: "user", content: "transform" }] });
  const block = msg.content[0];
  const source = msg.content[0].text;
  // ruleid: genai.llm-output-eval-js
  return vm.runInNewContext(source, { data });
}

export async function chainScript(chain: { invoke(input: object): Promise<{ content: string }> }, task: string) {
  const result = await chain.invoke({ task });
  // ruleid: genai.llm-output-eval-js
  const script = new vm.Script(result.content);
  return script;
}

export async function vercelAi(model: any, prompt: string) {
  const { text } = await generateText({ model, prompt });
  const generated = await generateText({ model, prompt });
  // ruleid: genai.llm-output-eval-js
  return Function(generated.text)();
}

export async function toolArguments(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }], tools: [] });
  for (const call of completion.choices[0].message.tool_calls ?? []) {
    const args = JSON.parse(call.function.arguments);
    // ruleid: genai.llm-output-eval-js
    eval(args.expression);
  }
}

export async function fencedBlock(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 500, messages: [{ role: "user", content: question }] });
  const text = completion.choices[0].message.content ?? "";
  const blocks = text.split("```");
  const code = blocks[1].replace(/^javascript\n/, "");
  // Two assignments between the model output and the sink.
  // ruleid: genai.llm-output-eval-js
  return new Function(code)();
}

// --- near misses ------------------------------------------------------------------------------

export async function parseJson(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
  const content = completion.choices[0].message.content ?? "{}";
  // ok: genai.llm-output-eval-js
  const data = JSON.parse(content);
  // ok: genai.llm-output-eval-js
  const constant = eval("2 + 2");
  // ok: genai.llm-output-eval-js
  const add = new Function("a", "b", "return a + b");
  return { data, constant, add };
}

export function unrelated(expression: string) {
  const content = expression;
  // Same variable name, but not model output in this function.
  // ok: genai.llm-output-eval-js
  return eval(content);
}
