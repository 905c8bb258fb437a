import { createOpenAI } from "@ai-sdk/openai";
import { ChatOpenAI } from "@langchain/openai";
import OpenAI from "openai";

// ruleid: genai.llm-endpoint-plaintext-http-js
export const gateway = new OpenAI({ baseURL: "http://llm-gateway.corp.example.com/v1", apiKey: process.env.GATEWAY_KEY, timeout: 30_000 });

export const vllm = new ChatOpenAI({
  model: "qwen2.5-72b",
  timeout: 60_000,
  // ruleid: genai.llm-endpoint-plaintext-http-js
  configuration: { baseURL: "http://10.20.0.15:8000/v1", apiKey: process.env.VLLM_KEY },
});

// ruleid: genai.llm-endpoint-plaintext-http-js
export const provider = createOpenAI({ baseURL: `http://inference.example.net/v1`, apiKey: process.env.INFERENCE_KEY });

// --- near misses ----------------------------------------------------------------------------

// ok: genai.llm-endpoint-plaintext-http-js
export const secure = new OpenAI({ baseURL: "https://llm-gateway.corp.example.com/v1", apiKey: process.env.GATEWAY_KEY, timeout: 30_000 });

// A local server on the same machine.
// ok: genai.llm-endpoint-plaintext-http-js
export const local = new OpenAI({ baseURL: "http://localhost:11434/v1", apiKey: "ollama", timeout: 30_000 });

// Not an LLM client.
// ok: genai.llm-endpoint-plaintext-http-js
export const hooks = new WebhookClient({ baseURL: "http://hooks.example.com" });
