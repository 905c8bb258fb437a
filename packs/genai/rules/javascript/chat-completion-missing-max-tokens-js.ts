import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";

const openai = new OpenAI({ timeout: 30_000 });
const anthropic = new Anthropic({ timeout: 30_000 });

export async function summarize(text: string) {
  // ruleid: genai.chat-completion-missing-max-tokens-js
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: `Summarize:\n${text}` }],
    temperature: 0.2,
  });
  return completion.choices[0].message.content;
}

export async function* streamAnswer(question: string) {
  // ruleid: genai.chat-completion-missing-max-tokens-js
  const stream = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: question }], stream: true });
  for await (const chunk of stream) yield chunk.choices[0]?.delta?.content ?? "";
}

// --- near misses ----------------------------------------------------------------------------

export async function bounded(text: string) {
  // ok: genai.chat-completion-missing-max-tokens-js
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }], max_tokens: 400 });
}

export async function boundedReasoning(text: string) {
  // ok: genai.chat-completion-missing-max-tokens-js
  return openai.chat.completions.create({ model: "o4-mini", messages: [{ role: "user", content: text }], max_completion_tokens: 2000 });
}

export async function forwarded(text: string, options: { max_tokens: number }) {
  // ok: genai.chat-completion-missing-max-tokens-js
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }], ...options });
}

export async function claude(text: string) {
  // Anthropic's API requires max_tokens, so its calls are not reported.
  // ok: genai.chat-completion-missing-max-tokens-js
  return anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, messages: [{ role: "user", content: text }] });
}
