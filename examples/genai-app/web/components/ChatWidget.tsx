"use client";
// The embeddable chat widget for partner sites. To "save a round trip" it calls OpenAI straight
// from the browser instead of going through /api/chat.
import OpenAI from "openai";
import { useState } from "react";

const openai = new OpenAI({
  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY,
  dangerouslyAllowBrowser: true,
});

export function ChatWidget() {
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState("");
  const [busy, setBusy] = useState(false);

  async function askDirect() {
    setBusy(true);
    try {
      const completion = await openai.chat.completions.create({
        model: "gpt-4o-mini",
        max_tokens: 400,
        messages: [{ role: "user", content: question }],
      });
      // Rendered as text, not HTML.
      setAnswer(completion.choices[0].message.content ?? "");
    } finally {
      setBusy(false);
    }
  }

  async function askViaServer() {
    const res = await fetch("/api/chat", { method: "POST", body: JSON.stringify({ question }) });
    const data = (await res.json()) as { answer: string };
    setAnswer(data.answer);
  }

  return (
    <div className="acme-chat">
      <textarea value={question} onChange={(e) => setQuestion(e.target.value)} />
      <button disabled={busy} onClick={askDirect}>Ask</button>
      <button disabled={busy} onClick={askViaServer}>Ask (server)</button>
      <p>{answer}</p>
    </div>
  );
}
