"use client";

import { useChat, useCompletion } from "@ai-sdk/react";
import DOMPurify from "dompurify";
import { marked } from "marked";

export function ChatPanel() {
  const { messages, input, handleInputChange, handleSubmit } = useChat();
  return (
    <form onSubmit={handleSubmit}>
      {messages.map((m) => (
        // ruleid: genai.llm-output-react-html
        <div key={m.id} className={m.role} dangerouslySetInnerHTML={{ __html: marked.parse(m.content) as string }} />
      ))}
      <input value={input} onChange={handleInputChange} />
    </form>
  );
}

export function SafeChatPanel() {
  const { messages } = useChat();
  return (
    <div>
      {messages.map((m) => (
        // ok: genai.llm-output-react-html
        <div key={m.id} dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(m.content) as string) }} />
      ))}
      {messages.map((m) => (
        // ok: genai.llm-output-react-html
        <p key={m.id}>{m.content}</p>
      ))}
    </div>
  );
}

export function Autocomplete() {
  const { completion } = useCompletion({ api: "/api/complete" });
  // ruleid: genai.llm-output-react-html
  return <section dangerouslySetInnerHTML={{ __html: completion }} />;
}

export function Legal({ html }: { html: string }) {
  // Not model output.
  // ok: genai.llm-output-react-html
  return <section dangerouslySetInnerHTML={{ __html: html }} />;
}
