import React from "react";
import DOMPurify from "dompurify";

type Props = { html: string; bio: string };

export function Article({ html, bio }: Props) {
  // ruleid: ts-jsx-dangerous-html
  const body = <div dangerouslySetInnerHTML={{ __html: html }} />;

  // other attributes around it are allowed (implicit attribute ellipsis)
  // ruleid: ts-jsx-dangerous-html
  const about = <p className="bio" dangerouslySetInnerHTML={{ __html: bio }} id="bio" />;

  // ruleid: ts-jsx-dangerous-html
  const md = <Markdown dangerouslySetInnerHTML={makeHtml(bio)} />;

  // ok: ts-jsx-dangerous-html
  const clean = <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;

  // ok: ts-jsx-dangerous-html
  const plain = <div className="plain">{html}</div>;

  // ok: ts-jsx-dangerous-html
  const titled = <div title={html} />;

  // ok: ts-jsx-dangerous-html
  const legacy = <div dangerouslySetInnerHTML={{ __html: html }} />; // nosemgrep: ts-jsx-dangerous-html

  return (
    <section>
      {body}
      {about}
      {md}
      {clean}
      {plain}
      {titled}
      {legacy}
    </section>
  );
}
