import Anthropic from "@anthropic-ai/sdk";
import OpenAI, { AzureOpenAI } from "openai";

// ruleid: genai.llm-client-missing-timeout-js
export const openai = new OpenAI();

// ruleid: genai.llm-client-missing-timeout-js
export const withKey = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 5 });

// ruleid: genai.llm-client-missing-timeout-js
export const azure = new AzureOpenAI({ endpoint: "https://acme.openai.azure.com", apiVersion: "2024-10-21" });

// ruleid: genai.llm-client-missing-timeout-js
export const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

// A zero timeout means no timeout at all.
// ruleid: genai.llm-client-missing-timeout-js
export const unlimited = new OpenAI({ timeout: 0 });

// ok: genai.llm-client-missing-timeout-js
export const bounded = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000, maxRetries: 2 });

// ok: genai.llm-client-missing-timeout-js
export const boundedClaude = new Anthropic({ timeout: 45 * 1000 });

const shared = { timeout: 20_000 };
// ok: genai.llm-client-missing-timeout-js
export const fromShared = new OpenAI({ ...shared, apiKey: process.env.OPENAI_API_KEY });

// Options built elsewhere: not reported.
// ok: genai.llm-client-missing-timeout-js
export const fromConfig = new OpenAI(shared);

// Not an LLM SDK client.
// ok: genai.llm-client-missing-timeout-js
export const url = new URL("https://api.openai.com/v1");
