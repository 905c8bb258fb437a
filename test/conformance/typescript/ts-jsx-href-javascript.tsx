import React from "react";

export function Menu({ next }: { next: string }) {
  // ruleid: ts-jsx-href-javascript
  const a = <a href="javascript:void(0)">noop</a>;

  // ruleid: ts-jsx-href-javascript
  const b = <a className="x" href='JavaScript:alert(document.domain)' />;

  // ruleid: ts-jsx-href-javascript
  const c = <a href={"javascript:run()"}>run</a>;

  // ok: ts-jsx-href-javascript
  const d = <a href="https://example.com/javascript:guide">guide</a>;

  // ok: ts-jsx-href-javascript
  const e = <a href="/docs">docs</a>;

  // ok: ts-jsx-href-javascript
  const f = <a href={next}>next</a>;

  // ok: ts-jsx-href-javascript
  const g = <img src="javascript:void(0)" />;

  return <nav>{a}{b}{c}{d}{e}{f}{g}</nav>;
}
