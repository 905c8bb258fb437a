import DOMPurify from "dompurify";
import { marked } from "marked";

type Post = { title: string; bodyHtml: string; summary: string };

export function PostBody({ post }: { post: Post }) {
  // ruleid: owasp.javascript.react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />;
}

export function MarkdownPreview({ source }: { source: string }) {
  // ruleid: owasp.javascript.react-dangerously-set-inner-html
  const rendered = <div dangerouslySetInnerHTML={{ __html: marked.parse(source) as string }} />;
  return <div className="preview">{rendered}</div>;
}

export function Highlight({ term, text }: { term: string; text: string }) {
  // ruleid: owasp.javascript.react-dangerously-set-inner-html
  return <span dangerouslySetInnerHTML={{ __html: text.replace(term, `<mark>${term}</mark>`) }}></span>;
}

export function SafePostBody({ post }: { post: Post }) {
  // ok: owasp.javascript.react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(post.bodyHtml) }} />;
}

export function Summary({ post }: { post: Post }) {
  // ok: owasp.javascript.react-dangerously-set-inner-html
  return <p className="summary">{post.summary}</p>;
}

export function Icon() {
  // ok: owasp.javascript.react-dangerously-set-inner-html
  return <span dangerouslySetInnerHTML={{ __html: "&#9733;" }} />;
}
