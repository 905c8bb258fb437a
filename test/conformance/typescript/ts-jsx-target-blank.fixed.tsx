import React from "react";

export function Links({ url }: { url: string }) {
  // ruleid: ts-jsx-target-blank
  const a = <a href={url} target="_blank" rel="noopener noreferrer">docs</a>;

  // single-quoted attribute values are the same string
  // ruleid: ts-jsx-target-blank
  const b = <a target='_blank' rel='noopener noreferrer' href="https://example.com" />;

  // ruleid: ts-jsx-target-blank
  const c = <Link to={url} target="_blank" rel="noopener noreferrer">profile</Link>;

  // ok: ts-jsx-target-blank
  const d = <a href={url} target="_blank" rel="noopener noreferrer">docs</a>;

  // ok: ts-jsx-target-blank
  const e = <a rel='noreferrer' target="_blank" href={url} />;

  // ok: ts-jsx-target-blank
  const f = <a href={url} target="_self">same tab</a>;

  // ok: ts-jsx-target-blank
  const g = <a href={url}>no target</a>;

  return <nav>{a}{b}{c}{d}{e}{f}{g}</nav>;
}
