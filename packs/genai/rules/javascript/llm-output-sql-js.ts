import { PrismaClient } from "@prisma/client";
import { openai as openaiProvider } from "@ai-sdk/openai";
import { generateText } from "ai";
import OpenAI from "openai";
import { Pool } from "pg";

const openai = new OpenAI({ timeout: 30_000 });
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const prisma = new PrismaClient();
const SCHEMA = "orders(id, customer_id, total, created_at)";

export async function textToSql(question: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 300,
    messages: [
      { role: "system", content: `Write one PostgreSQL query for: ${SCHEMA}` },
      { role: "user", content: question },
    ],
  });
  const sql = completion.choices[0].message.content ?? "";
  // ruleid: genai.llm-output-sql-js
  const { rows } = await pool.query(sql);
  return rows;
}

export async function reportWithAiSdk(question: string) {
  const { text } = await generateText({ model: openaiProvider("gpt-4o-mini"), prompt: `SQL for: ${question}` });
  // ruleid: genai.llm-output-sql-js
  return prisma.$queryRawUnsafe(text);
}

export async function tagTicket(ticketId: number, body: string) {
  const resp = await openai.responses.create({ model: "gpt-4o-mini", input: `One-word category for: ${body}` });
  const category = resp.output_text;
  // ruleid: genai.llm-output-sql-js
  await pool.query(`UPDATE tickets SET category = '${category}' WHERE id = ${ticketId}`);
  // Bound parameters keep the model's text as data.
  // ok: genai.llm-output-sql-js
  await pool.query("UPDATE tickets SET category = $1 WHERE id = $2", [category, ticketId]);
}

// --- near misses ----------------------------------------------------------------------------

export async function saveAnswer(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages: [{ role: "user", content: question }] });
  const answer = completion.choices[0].message.content;
  // ok: genai.llm-output-sql-js
  await pool.query("INSERT INTO answers (question, answer) VALUES ($1, $2)", [question, answer]);
  // Prisma's tagged template binds the values.
  // ok: genai.llm-output-sql-js
  await prisma.$queryRaw`SELECT * FROM answers WHERE answer = ${answer}`;
  return answer;
}

export async function notModelOutput(table: string) {
  // ok: genai.llm-output-sql-js
  return pool.query(`SELECT * FROM ${table} LIMIT 10`);
}
