import Anthropic from "@anthropic-ai/sdk";
import { SystemMessage } from "@langchain/core/messages";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { streamText } from "ai";
import express from "express";
import OpenAI from "openai";

const app = express();
const openai = new OpenAI({ timeout: 30_000 });
const anthropic = new Anthropic({ timeout: 30_000 });
const SYSTEM_PROMPT = "You are the Acme support assistant. Only answer questions about Acme products.";
const PERSONAS: Record<string, string> = { friendly: "Be warm and concise.", formal: "Use a formal register." };

app.post("/chat", async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      // ruleid: genai.user-input-in-system-prompt-js
      { role: "system", content: `${SYSTEM_PROMPT} Persona: ${req.body.persona}` },
      // ok: genai.user-input-in-system-prompt-js
      { role: "user", content: req.body.question },
    ],
  });
  res.json(completion.choices[0].message);
});

app.get("/ask", async (req, res) => {
  const lang = req.query.lang as string;
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      // ruleid: genai.user-input-in-system-prompt-js
      { content: SYSTEM_PROMPT + " Always answer in " + lang, role: "developer" },
      { role: "user", content: String(req.query.q) },
    ],
  });
  res.json(completion.choices[0].message);
});

export async function POST(request: Request) {
  const { persona, question } = await request.json();
  const msg = await anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    // ruleid: genai.user-input-in-system-prompt-js
    system: `You are ${persona}.`,
    messages: [{ role: "user", content: question }],
  });
  return Response.json(msg);
}

export async function streamRoute(req: Request, model: any) {
  const body = await req.json();
  // ruleid: genai.user-input-in-system-prompt-js
  return streamText({ model, system: body.instructions, prompt: body.prompt });
}

export function langchainPrompt(req: { body: { rules: string } }) {
  return ChatPromptTemplate.fromMessages([
    // ruleid: genai.user-input-in-system-prompt-js
    ["system", "Follow these rules: " + req.body.rules],
    ["human", "{question}"],
  ]);
}

export function langchainMessage(req: { query: { tone: string } }) {
  // ruleid: genai.user-input-in-system-prompt-js
  return new SystemMessage(`Tone: ${req.query.tone}`);
}

export async function brandRoute(request: Request) {
  const payload = await request.json();
  const voice = payload.brandVoice ?? "";
  const instructions = `${SYSTEM_PROMPT}\nBrand voice: ${voice}`;
  const messages = [
    // Two assignments between the request and the prompt.
    // ruleid: genai.user-input-in-system-prompt-js
    { role: "system", content: instructions },
    { role: "user", content: String(payload.question) },
  ];
  await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 500, messages });
  // Engine limit: `{instructions: $P}` does not match the shorthand property `{ instructions }`.
  // todoruleid: genai.user-input-in-system-prompt-js
  return openai.responses.create({ model: "gpt-4o-mini", instructions, input: payload.question });
}

// --- near misses ------------------------------------------------------------------------------

app.post("/safe", async (req, res) => {
  const persona = PERSONAS[req.body.persona] ?? PERSONAS.friendly;
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      // The persona text comes from a fixed allow-list.
      // ok: genai.user-input-in-system-prompt-js
      { role: "system", content: `${SYSTEM_PROMPT} ${persona}` },
      // ok: genai.user-input-in-system-prompt-js
      { role: "system", content: PERSONAS[req.body.persona] },
      // ok: genai.user-input-in-system-prompt-js
      { role: "user", content: req.body.question },
    ],
  });
  res.json(completion.choices[0].message);
});

export function constantPrompt(today: string) {
  // ok: genai.user-input-in-system-prompt-js
  return [{ role: "system", content: `${SYSTEM_PROMPT} Today is ${today}.` }];
}

export function userTurn(req: { body: { q: string } }) {
  // ok: genai.user-input-in-system-prompt-js
  return ChatPromptTemplate.fromMessages([["system", SYSTEM_PROMPT], ["human", req.body.q]]);
}
