import Anthropic from "@anthropic-ai/sdk";
import { ChatOpenAI } from "@langchain/openai";
import fs from "node:fs";
import https from "node:https";
import OpenAI from "openai";
import { Agent } from "undici";

export const openai = new OpenAI({
  baseURL: "https://llm-gateway.internal.example.com/v1",
  timeout: 30_000,
  // ruleid: genai.llm-client-tls-verify-disabled-js
  httpAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
});

const insecureAgent = new https.Agent({
  // ruleid: genai.llm-client-tls-verify-disabled-js
  rejectUnauthorized: false,
});
export const anthropic = new Anthropic({ timeout: 30_000, httpAgent: insecureAgent });

export const chat = new ChatOpenAI({
  model: "gpt-4o-mini",
  timeout: 30_000,
  configuration: {
    baseURL: "https://llm-gateway.internal.example.com/v1",
    // ruleid: genai.llm-client-tls-verify-disabled-js
    fetchOptions: { dispatcher: new Agent({ connect: { rejectUnauthorized: false } }) },
  },
});

// --- near misses ----------------------------------------------------------------------------

export const trusted = new OpenAI({
  baseURL: "https://llm-gateway.internal.example.com/v1",
  timeout: 30_000,
  // ok: genai.llm-client-tls-verify-disabled-js
  httpAgent: new https.Agent({ ca: fs.readFileSync("/etc/ssl/internal-ca.pem"), rejectUnauthorized: true }),
});

// Not an LLM client (the generic TLS rule of the owasp pack covers this one).
// ok: genai.llm-client-tls-verify-disabled-js
export const legacy = new https.Agent({ rejectUnauthorized: false });
