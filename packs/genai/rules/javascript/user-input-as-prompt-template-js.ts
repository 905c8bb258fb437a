import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";
import { ChatOpenAI } from "@langchain/openai";
import express from "express";

const app = express();
app.use(express.json());
const llm = new ChatOpenAI({ model: "gpt-4o-mini", timeout: 30_000, maxTokens: 500 });
const SYSTEM = "You answer questions about Acme's products using this context:\n\n{context}";

app.post("/ask", async (req, res) => {
  const prompt = ChatPromptTemplate.fromMessages([
    ["system", SYSTEM],
    // ruleid: genai.user-input-as-prompt-template-js
    ["human", req.body.question],
  ]);
  const answer = await prompt.pipe(llm).invoke({ context: await loadContext() });
  res.json({ answer: answer.content });
});

export async function POST(request: Request) {
  const { task } = await request.json();
  // ruleid: genai.user-input-as-prompt-template-js
  const prompt = PromptTemplate.fromTemplate(`Context: {context}\n\nTask: ${task}`);
  return Response.json(await prompt.pipe(llm).invoke({ context: await loadContext() }));
}

// --- near misses ----------------------------------------------------------------------------

app.post("/ask-safe", async (req, res) => {
  const prompt = ChatPromptTemplate.fromMessages([
    // ok: genai.user-input-as-prompt-template-js
    ["system", SYSTEM],
    // ok: genai.user-input-as-prompt-template-js
    ["human", "{question}"],
  ]);
  const answer = await prompt.pipe(llm).invoke({ context: await loadContext(), question: req.body.question });
  res.json({ answer: answer.content });
});
