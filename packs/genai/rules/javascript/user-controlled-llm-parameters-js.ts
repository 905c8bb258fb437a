import { openai as provider } from "@ai-sdk/openai";
import { streamText } from "ai";
import express from "express";
import OpenAI from "openai";

const openai = new OpenAI({ timeout: 30_000 });
const app = express();
app.use(express.json());

const MODELS: Record<string, string> = { fast: "gpt-4o-mini", smart: "gpt-4o" };

app.post("/chat", async (req, res) => {
  const completion = await openai.chat.completions.create({
    // ruleid: genai.user-controlled-llm-parameters-js
    model: req.body.model ?? "gpt-4o-mini",
    messages: [{ role: "user", content: req.body.message }],
    // ruleid: genai.user-controlled-llm-parameters-js
    max_tokens: Number(req.body.maxTokens ?? 512),
  });
  res.json(completion.choices[0].message);
});

export async function POST(request: Request) {
  const { messages, model, maxTokens } = await request.json();
  const result = streamText({
    // ruleid: genai.user-controlled-llm-parameters-js
    model: provider(model),
    messages,
    // ruleid: genai.user-controlled-llm-parameters-js
    maxOutputTokens: maxTokens,
  });
  return result.toTextStreamResponse();
}

// --- near misses ----------------------------------------------------------------------------

app.post("/chat-safe", async (req, res) => {
  const completion = await openai.chat.completions.create({
    // ok: genai.user-controlled-llm-parameters-js
    model: MODELS[req.body.tier] ?? "gpt-4o-mini",
    // The user's message is input, not a parameter.
    // ok: genai.user-controlled-llm-parameters-js
    messages: [{ role: "user", content: req.body.message }],
    // ok: genai.user-controlled-llm-parameters-js
    max_tokens: Math.min(Number(req.body.maxTokens ?? 512), 1024),
  });
  res.json(completion.choices[0].message);
});
