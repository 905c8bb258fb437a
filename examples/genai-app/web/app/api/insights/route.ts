// Next.js route handler: POST /api/insights — "ask your support metrics a question".
// The model writes a small JavaScript function over the rows, and the route runs it.
import OpenAI from "openai";
import { z } from "zod";

const openai = new OpenAI({ timeout: 30_000 });

type Row = { day: string; tickets: number; resolved: number; csat: number };

async function loadRows(): Promise<Row[]> {
  // Stand-in for the metrics warehouse query.
  return [
    { day: "2025-01-06", tickets: 412, resolved: 398, csat: 4.4 },
    { day: "2025-01-07", tickets: 389, resolved: 377, csat: 4.5 },
  ];
}

export async function POST(req: Request) {
  const { question } = (await req.json()) as { question: string };
  const rows = await loadRows();
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 300,
    messages: [
      { role: "system", content: "Write the body of a JavaScript function `(rows) => number` that answers the question. Reply with code only." },
      { role: "user", content: question },
    ],
  });
  const code = completion.choices[0].message.content ?? "return 0;";
  const compute = new Function("rows", code) as (rows: Row[]) => number;
  return Response.json({ value: compute(rows) });
}

// The safer variant behind /api/insights/v2: the model picks from a fixed set of aggregations.
const Plan = z.object({ metric: z.enum(["tickets", "resolved", "csat"]), aggregate: z.enum(["sum", "avg", "max"]) });

export async function planned(question: string) {
  const rows = await loadRows();
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 100,
    response_format: { type: "json_object" },
    messages: [
      { role: "system", content: 'Reply with JSON {"metric": "tickets|resolved|csat", "aggregate": "sum|avg|max"}.' },
      { role: "user", content: question },
    ],
  });
  const plan = Plan.parse(JSON.parse(completion.choices[0].message.content ?? "{}"));
  const values = rows.map((r) => r[plan.metric]);
  if (plan.aggregate === "sum") return values.reduce((a, b) => a + b, 0);
  if (plan.aggregate === "avg") return values.reduce((a, b) => a + b, 0) / values.length;
  return Math.max(...values);
}
