import OpenAI from "openai";
import type { Request, Response } from "express";

const openai = new OpenAI();

export async function chat(req: Request, res: Response): Promise<void> {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      {
        role: "system",
        // ruleid: ts-openai-system-prompt
        content: "You are " + req.body.persona,
      },
      // user content from the request is expected: role is not system
      // ok: ts-openai-system-prompt
      { role: "user", content: req.body.message },
    ],
  });

  const second = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      // ruleid: ts-openai-system-prompt
      { role: 'system', content: `Answer in ${req.query.lang} only` },
      // ok: ts-openai-system-prompt
      { role: "system", content: "You are a helpful assistant." },
    ],
  });

  // not passed to a chat completion
  // ok: ts-openai-system-prompt
  const draft = { role: "system", content: req.body.persona };

  res.json({ completion, second, draft });
}
