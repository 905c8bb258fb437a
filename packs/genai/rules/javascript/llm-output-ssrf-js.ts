import axios from "axios";
import OpenAI from "openai";

const openai = new OpenAI({ timeout: 30_000 });

export async function browseTool(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 400, messages: [{ role: "user", content: question }], tools: TOOLS });
  const call = completion.choices[0].message.tool_calls![0];
  const { url } = JSON.parse(call.function.arguments);
  // ruleid: genai.llm-output-ssrf-js
  const page = await fetch(url, { redirect: "follow" });
  return page.text();
}

export async function webhook(agentExecutor: any, event: object) {
  const result = await agentExecutor.invoke({ input: `Which webhook should receive ${JSON.stringify(event)}?` });
  // ruleid: genai.llm-output-ssrf-js
  await axios.post(result.output, event);
}

// --- near misses ----------------------------------------------------------------------------

export async function fixedEndpoint(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 400, messages: [{ role: "user", content: question }] });
  // The model output is the payload; the URL is ours.
  // ok: genai.llm-output-ssrf-js
  await fetch("https://hooks.example.com/answers", { method: "POST", body: JSON.stringify({ answer: completion.choices[0].message.content }) });
}

export async function configured(baseUrl: string) {
  // ok: genai.llm-output-ssrf-js
  return fetch(`${baseUrl}/health`);
}
