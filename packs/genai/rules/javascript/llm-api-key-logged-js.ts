import OpenAI from "openai";
import pino from "pino";

const logger = pino();
const apiKey = process.env.OPENAI_API_KEY!;
const openai = new OpenAI({ apiKey, timeout: 30_000 });

// ruleid: genai.llm-api-key-logged-js
console.log(`OpenAI client ready with key ${apiKey}`);

// ruleid: genai.llm-api-key-logged-js
logger.debug({ baseURL: openai.baseURL, key: openai.apiKey }, "client configured");

// ruleid: genai.llm-api-key-logged-js
console.info("Anthropic key:", process.env.ANTHROPIC_API_KEY);

export async function callGateway(messages: unknown[]) {
  const headers = { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" };
  // ruleid: genai.llm-api-key-logged-js
  logger.info({ messages, auth: headers.Authorization }, "POST /v1/chat/completions");
  return fetch("https://gateway.example.com/v1/chat/completions", { method: "POST", headers, body: JSON.stringify({ messages }) });
}

export class GatewayClient {
  constructor(private readonly apiKey: string, private readonly logger = pino()) {
    // ruleid: genai.llm-api-key-logged-js
    this.logger.info(`gateway client created with key ${this.apiKey}`);
  }
}

// --- near misses ----------------------------------------------------------------------------

// ok: genai.llm-api-key-logged-js
console.log("OpenAI key configured:", Boolean(apiKey));

// ok: genai.llm-api-key-logged-js
console.log(`OpenAI key ends with ...${apiKey.slice(-4)}`);

// Token counts are not tokens.
// ok: genai.llm-api-key-logged-js
logger.info({ maxTokens: 512, totalTokens: 1200 }, "usage");

// ok: genai.llm-api-key-logged-js
console.error("Set OPENAI_API_KEY before starting the server.");
