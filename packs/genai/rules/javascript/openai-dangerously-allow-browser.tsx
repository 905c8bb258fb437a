import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { useState } from "react";

const openai = new OpenAI({
  apiKey: import.meta.env.VITE_OPENAI_API_KEY,
  // ruleid: genai.openai-dangerously-allow-browser
  dangerouslyAllowBrowser: true,
});

// ruleid: genai.openai-dangerously-allow-browser
const anthropic = new Anthropic({ apiKey: process.env.NEXT_PUBLIC_ANTHROPIC_KEY, dangerouslyAllowBrowser: true });

const clientOptions = {
  apiKey: window.localStorage.getItem("openai-key") ?? "",
  // ruleid: genai.openai-dangerously-allow-browser
  dangerouslyAllowBrowser: true,
};

export function Chat() {
  const [answer, setAnswer] = useState("");
  async function ask(question: string) {
    const r = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
    setAnswer(r.choices[0].message.content ?? "");
  }
  return <button onClick={() => ask("hi")}>{answer}</button>;
}

// --- near misses ------------------------------------------------------------------------------

// ok: genai.openai-dangerously-allow-browser
const serverSide = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: false });

// ok: genai.openai-dangerously-allow-browser
const defaults = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 20_000 });

export async function askServer(question: string) {
  // The browser talks to our own API route, which holds the key.
  // ok: genai.openai-dangerously-allow-browser
  const res = await fetch("/api/chat", { method: "POST", body: JSON.stringify({ question }) });
  return res.json();
}
