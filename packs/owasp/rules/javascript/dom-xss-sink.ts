import DOMPurify from "dompurify";

interface Comment {
  author: string;
  body: string;
}

export function renderComments(list: HTMLElement, comments: Comment[]) {
  for (const c of comments) {
    const item = document.createElement("li");
    // ruleid: owasp.javascript.dom-xss-sink
    item.innerHTML = `<strong>${c.author}</strong>: ${c.body}`;
    list.appendChild(item);
  }
}

export function showSearchTerm(banner: HTMLElement) {
  const term = new URLSearchParams(location.search).get("q") ?? "";
  // ruleid: owasp.javascript.dom-xss-sink
  banner.insertAdjacentHTML("beforeend", "<p>Results for " + term + "</p>");
}

export function legacyWidget(html: string) {
  // ruleid: owasp.javascript.dom-xss-sink
  document.write(html);
}

export function replaceCard(card: HTMLElement, markup: string) {
  // ruleid: owasp.javascript.dom-xss-sink
  card.outerHTML = markup;
}

export function renderCommentsSafe(list: HTMLElement, comments: Comment[]) {
  for (const c of comments) {
    const item = document.createElement("li");
    // ok: owasp.javascript.dom-xss-sink
    item.textContent = `${c.author}: ${c.body}`;
    list.appendChild(item);
  }
}

export function renderRichText(el: HTMLElement, html: string) {
  // ok: owasp.javascript.dom-xss-sink
  el.innerHTML = DOMPurify.sanitize(html);
}

export function clear(el: HTMLElement) {
  // ok: owasp.javascript.dom-xss-sink
  el.innerHTML = "";
  // ok: owasp.javascript.dom-xss-sink
  el.insertAdjacentHTML("afterbegin", `<span class="spinner"></span>`);
}
