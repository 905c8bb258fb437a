/**
 * A small located XML reader for pom.xml: elements with their offsets and text, comments, CDATA,
 * processing instructions and DOCTYPE skipped. Mismatched or unclosed tags give located problems
 * and the scan goes on, so what is well formed can still be read.
 */
import type { Problem } from '../../engine/finding';
import type { LocatedText } from './located-text';

export interface XmlElement {
  readonly name: string;
  readonly start: number;
  /** Offset after the closing tag (the end of the text when the element is never closed). */
  end: number;
  readonly contentStart: number;
  contentEnd: number;
  readonly children: XmlElement[];
}

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/\s*([A-Za-z_][\w.:-]*)\s*>/y;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  return raw.replace(/&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z]+);/g, (m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? m;
  });
}

/** An element that is never closed ends at `at`; its own text stops at the first tag inside it. */
function closeUnclosed(text: string, el: XmlElement, at: number): void {
  const tag = text.indexOf('<', el.contentStart);
  el.contentEnd = tag >= 0 && tag < at ? tag : at;
  el.end = at;
}

export function parseXmlLocated(lt: LocatedText): { root: XmlElement; problems: Problem[] } {
  const { text } = lt;
  const problems: Problem[] = [];
  const root: XmlElement = { name: '', start: 0, end: text.length, contentStart: 0, contentEnd: text.length, children: [] };
  const stack: XmlElement[] = [root];
  const skipTo = (from: number, close: string, what: string): number => {
    const end = text.indexOf(close, from);
    if (end >= 0) return end + close.length;
    problems.push(lt.problem(from, `unterminated ${what}`));
    return text.length;
  };
  let i = 0;
  while (i < text.length) {
    const lt0 = text.indexOf('<', i);
    if (lt0 < 0) break;
    if (text.startsWith('<!--', lt0)) i = skipTo(lt0, '-->', 'comment');
    else if (text.startsWith('<![CDATA[', lt0)) i = skipTo(lt0, ']]>', 'CDATA section');
    else if (text.startsWith('<?', lt0)) i = skipTo(lt0, '?>', 'processing instruction');
    else if (text.startsWith('<!', lt0)) i = skipTo(lt0, '>', 'declaration');
    else if (text.startsWith('</', lt0)) {
      END_TAG.lastIndex = lt0;
      const m = END_TAG.exec(text);
      if (!m) {
        problems.push(lt.problem(lt0, 'malformed closing tag'));
        i = lt0 + 2;
        continue;
      }
      i = lt0 + m[0].length;
      let open = stack.length - 1;
      while (open > 0 && stack[open].name !== m[1]) open--;
      if (open === 0) {
        problems.push(lt.problem(lt0, `closing tag </${m[1]}> has no matching opening tag`));
        continue;
      }
      for (let k = stack.length - 1; k > open; k--) {
        problems.push(lt.problem(stack[k].start, `<${stack[k].name}> is not closed before </${m[1]}>`));
        closeUnclosed(text, stack[k], lt0);
      }
      stack[open].contentEnd = lt0;
      stack[open].end = i;
      stack.length = open;
    } else {
      START_TAG.lastIndex = lt0;
      const m = START_TAG.exec(text);
      if (!m) {
        problems.push(lt.problem(lt0, 'malformed tag'));
        i = lt0 + 1;
        continue;
      }
      i = lt0 + m[0].length;
      const selfClosing = m[3] === '/';
      const el: XmlElement = { name: m[1], start: lt0, end: i, contentStart: i, contentEnd: i, children: [] };
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) stack.push(el);
    }
  }
  for (let k = stack.length - 1; k > 0; k--) {
    problems.push(lt.problem(stack[k].start, `<${stack[k].name}> is not closed`));
    closeUnclosed(text, stack[k], text.length);
  }
  return { root, problems };
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of a leaf element: entities decoded, CDATA kept as written, comments left out. */
export function textOf(text: string, el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const raw = text.slice(el.contentStart, el.contentEnd);
  let out = '';
  const special = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let m = special.exec(raw); m; m = special.exec(raw)) {
    out += decodeXmlText(raw.slice(last, m.index)) + (m[1] ?? '');
    last = m.index + m[0].length;
  }
  return (out + decodeXmlText(raw.slice(last))).trim();
}
