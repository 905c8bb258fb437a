// Next.js route handler: GET /api/faq?topic=... — an FAQ section the help center embeds as-is.
import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000, maxRetries: 2 });
const TOPICS = new Set(["billing", "shipping", "returns", "warranty"]);

async function draftText(topic: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 700,
    messages: [
      { role: "system", content: "You write short, accurate FAQ entries for Acme's help center." },
      { role: "user", content: `Write 3 FAQ entries about ${topic} as plain text.` },
    ],
  });
  return completion.choices[0].message.content ?? "";
}

// The model's HTML is served as a page: a prompt injection (in anything the model has read)
// becomes script in the help center's origin.
export async function GET(request: Request) {
  const topic = new URL(request.url).searchParams.get("topic") ?? "billing";
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 700,
    messages: [{ role: "user", content: `Write 3 FAQ entries about ${TOPICS.has(topic) ? topic : "billing"} as HTML.` }],
  });
  const html = completion.choices[0].message.content ?? "";
  return new Response(`<section class="faq">${html}</section>`, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// The safe shape: plain text in JSON; the help center renders it with textContent.
export async function POST(request: Request) {
  const { topic } = (await request.json()) as { topic?: string };
  const text = await draftText(topic && TOPICS.has(topic) ? topic : "billing");
  return Response.json({ topic, text });
}
