import React from "react";

export function Embed({ url, title }: { url: string; title: string }) {
  // ruleid: ts-jsx-iframe-sandbox
  const a = <iframe src={url} />;

  // ruleid: ts-jsx-iframe-sandbox
  const b = <iframe title={title} src={`https://embed.example.com/${url}`} width="600" />;

  // ok: ts-jsx-iframe-sandbox
  const c = <iframe src={url} sandbox="allow-scripts" />;

  // ok: ts-jsx-iframe-sandbox
  const d = <iframe sandbox='' src={url} title={title} />;

  // a static src string is not a {...} expression
  // ok: ts-jsx-iframe-sandbox
  const e = <iframe src="https://www.youtube.com/embed/xyz" />;

  // ok: ts-jsx-iframe-sandbox
  const f = <img src={url} />;

  return <div>{a}{b}{c}{d}{e}{f}</div>;
}
