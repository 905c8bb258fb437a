/**
 * Vault lookup quick fix for Kubernetes manifests: a secret `value:` of a container env entry in a Pod
 * or a workload's pod template is replaced by Vault Agent injector annotations on the pod metadata
 * (added once), and the `value:` line is removed; the app reads /vault/secrets/<key>. Line-based over
 * block-style YAML only; flow style, Helm templates and other kinds are refused.
 */
import { LookupFixInput, LookupFixResult, TextEdit, fail, quoted } from './vault-types';

interface Line {
  readonly start: number; // offset of the line start
  readonly end: number; // offset of the line end (before \r?\n)
  readonly next: number; // offset of the next line start (text.length for the last line)
  readonly blank: boolean; // empty, comment-only or a document marker
  readonly indent: number;
  readonly dash: boolean;
  readonly keyCol: number;
  readonly key?: string;
  readonly rest?: string; // value after `key:` without a trailing comment
  readonly restStart?: number; // offset of the value after `key:`
}

const TEMPLATE_PATH: Record<string, string> = {
  Pod: '',
  Deployment: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  ReplicaSet: 'spec.template',
  Job: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

export function kubernetesEdits(input: LookupFixInput): LookupFixResult {
  const { text, ref } = input;
  if (text.split('\n').some((l) => l.includes('{{') && !/^\s*vault\.hashicorp\.com\/agent-inject-template-[^:]*:\s*'/.test(l))) return fail('the file is a template (Helm/Go template `{{ }}`), not a plain Kubernetes manifest');
  const lines = parseLines(text);
  const vi = lines.findIndex((l) => l.start <= input.secretStart && input.secretEnd <= l.end);
  if (vi < 0) return fail('the secret spans several lines');
  const vl = lines[vi];
  // The document holding the secret.
  let ds = 0;
  let de = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (isMarker(text, lines[i])) {
      if (i < vi) ds = i + 1;
      else if (i > vi) { de = i; break; }
    }
  }
  const doc = { lines, ds, de };

  if (vl.key !== 'value' || vl.rest === undefined || vl.restStart === undefined) {
    if (/[{[]/.test(text.slice(vl.start, input.secretStart))) return fail('the secret is in a flow-style ({…} / […]) mapping; use block style');
    return fail('the secret is not the value: of a container env entry');
  }
  if (input.secretStart < vl.restStart) return fail('the secret is not the value: of a container env entry');
  if (/^[|>{[&*!]/.test(vl.rest)) return fail('the env value is a block scalar, flow-style value, anchor or tag; use a plain or quoted scalar');
  const after = lines.slice(vi + 1, de).find((l) => !l.blank);
  if (after && !after.dash && after.keyCol > vl.keyCol) return fail('the env value continues on the next lines');

  const path = pathOf(doc, vi);
  if (!path) return fail('cannot follow the YAML structure around the secret (block-style mappings only)');
  const kindLine = rootChild(doc, 'kind');
  const kind = kindLine ? unquote(kindLine.rest ?? '') : '';
  if (!kind) return fail('the document has no kind');
  const prefix = TEMPLATE_PATH[kind];
  if (prefix === undefined) return fail(`kind ${kind} has no pod template; the Vault Agent injector only works for Pods and workloads`);
  const envPath = new RegExp(`^${(prefix ? prefix + '.' : '').replace(/\./g, '\\.').replace(/\[\]/g, '\\[\\]')}spec\\.(?:containers|initContainers)\\[\\]\\.env\\[\\]\\.value$`);
  if (!envPath.test(path.join('.').replace(/\.\[\]/g, '[]'))) return fail(`the secret is not a container env value of the ${kind}'s pod template`);

  const rootMeta = rootChild(doc, 'metadata');
  const nameLine = rootMeta && childOf(doc, lines.indexOf(rootMeta), 'name');
  const app = nameLine ? unquote(nameLine.rest ?? '') : '';
  if (!app) return fail('the manifest has no metadata.name for the Vault role');

  // The env entry: its item line and sibling keys.
  const entry = entryOf(doc, vi);
  if (!entry) return fail('the secret is not the value: of a container env entry');
  if (!entry.keys.some((k) => lines[k].key === 'name')) return fail('the env entry has no name');

  const edits: TextEdit[] = [];
  // Remove the value line (moving the list dash onto the next key when the value line carries it).
  if (vl.dash) {
    const sib = entry.keys.find((k) => k > vi);
    if (sib === undefined) return fail('the env entry has no other key');
    const s = lines[sib];
    edits.push({ start: s.start, end: s.start + s.keyCol, text: ' '.repeat(vl.indent) + '- ' + ' '.repeat(Math.max(0, vl.keyCol - vl.indent - 2)) });
  }
  if (vl.next < text.length || vi === 0) edits.push({ start: vl.start, end: vl.next, text: '' });
  else edits.push({ start: lines[vi - 1].end, end: vl.end, text: '' });

  // Pod metadata.
  const secretPath = `${ref.mount}/data/${ref.path}`;
  const tmpl = /^[A-Za-z_]\w*$/.test(ref.key) ? `.Data.data.${ref.key}` : `index .Data.data ${quoted(ref.key)}`;
  const wanted: [string, string][] = [
    ['vault.hashicorp.com/agent-inject', '"true"'],
    ['vault.hashicorp.com/role', quoted(app)],
    [`vault.hashicorp.com/agent-inject-secret-${ref.key}`, quoted(secretPath)],
    [`vault.hashicorp.com/agent-inject-template-${ref.key}`, `'${`{{- with secret ${quoted(secretPath)} -}}{{ ${tmpl} }}{{- end -}}`.replace(/'/g, "''")}'`],
  ];
  let metaIdx: number;
  if (prefix) {
    const tIdx = lineAt(doc, prefix.split('.'));
    if (tIdx < 0) return fail('cannot find the pod template');
    if (lines[tIdx].rest) return fail('the pod template is flow-style');
    const m = childOf(doc, tIdx, 'metadata');
    if (!m) {
      const tc = childCol(doc, tIdx);
      if (tc < 0) return fail('the pod template is empty');
      const unit = Math.max(1, tc - lines[tIdx].indent);
      const block = [`${sp(tc)}metadata:`, `${sp(tc + unit)}annotations:`, ...wanted.map(([k, v]) => `${sp(tc + 2 * unit)}${k}: ${v}`)];
      edits.push({ start: lines[tIdx].end, end: lines[tIdx].end, text: '\n' + block.join('\n') });
      return done(edits, ref.key);
    }
    metaIdx = lines.indexOf(m);
  } else {
    metaIdx = lines.indexOf(rootMeta!);
  }
  const meta = lines[metaIdx];
  if (meta.rest) return fail('the pod metadata is flow-style');
  const mc = childCol(doc, metaIdx);
  const unit = mc > meta.indent ? mc - meta.indent : 2;
  const memberCol = mc > meta.indent ? mc : meta.indent + unit;
  const ann = childOf(doc, metaIdx, 'annotations');
  if (ann) {
    if (ann.rest) return fail('the pod annotations are flow-style');
    const annIdx = lines.indexOf(ann);
    const present = new Set(children(doc, annIdx).map((i) => lines[i].key));
    const ac = childCol(doc, annIdx);
    const col = ac > ann.indent ? ac : ann.indent + unit;
    const add = wanted.filter(([k]) => !present.has(k)).map(([k, v]) => `${sp(col)}${k}: ${v}`);
    if (add.length) {
      const last = lastContent(doc, annIdx);
      edits.push({ start: lines[last].end, end: lines[last].end, text: '\n' + add.join('\n') });
    }
  } else {
    const last = lastContent(doc, metaIdx);
    const block = [`${sp(memberCol)}annotations:`, ...wanted.map(([k, v]) => `${sp(memberCol + unit)}${k}: ${v}`)];
    edits.push({ start: lines[last].end, end: lines[last].end, text: '\n' + block.join('\n') });
  }
  return done(edits, ref.key);
}

function done(edits: TextEdit[], key: string): LookupFixResult {
  return {
    ok: true,
    edits,
    note: `The Vault Agent injector now writes the secret to the file /vault/secrets/${key} in the pod; the env value was removed, so make the app read that file (the Vault role must exist and allow the pod's service account).`,
  };
}

function sp(n: number): string {
  return ' '.repeat(n);
}

function unquote(s: string): string {
  const t = s.trim();
  if (/^".*"$/.test(t)) { try { return JSON.parse(t) as string; } catch { return t.slice(1, -1); } }
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

function isMarker(text: string, l: Line): boolean {
  return /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(l.start, l.end));
}

function parseLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const next = nl < 0 ? text.length : nl + 1;
    let end = nl < 0 ? text.length : nl;
    if (end > start && text[end - 1] === '\r') end--;
    const raw = text.slice(start, end);
    const indent = /^ */.exec(raw)![0].length;
    const content = raw.slice(indent);
    const blank = /^(?:#.*)?$/.test(content) || /^(?:---|\.\.\.)(?:\s|$)/.test(raw);
    let keyCol = indent;
    let dash = false;
    const d = /^-(?: +|$)/.exec(content);
    if (d && !blank) { dash = true; keyCol = indent + d[0].length; }
    const body = raw.slice(keyCol);
    const m = blank ? null : /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]+|$)/.exec(body);
    let line: Line = { start, end, next, blank, indent, dash, keyCol };
    if (m) {
      const restRaw = body.slice(m[0].length);
      const rest = stripComment(restRaw).trim();
      line = { ...line, key: unquote(m[1]), rest, restStart: start + keyCol + m[0].length };
    }
    out.push(line);
    if (nl < 0) break;
    start = next;
  }
  return out;
}

function stripComment(s: string): string {
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) { if (c === q) q = undefined; else if (c === '\\' && q === '"') i++; continue; }
    if (c === '"' || c === "'") { if (i === 0 || /\s/.test(s[i - 1])) q = c; continue; }
    if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i);
  }
  return s;
}

interface Doc { readonly lines: readonly Line[]; readonly ds: number; readonly de: number }

/** The owner of the mapping key on line `li`: its list item line, its parent key line, or the root (-1). */
function ownerOf(doc: Doc, li: number): { item: number } | { key: number } | { root: true } | undefined {
  const { lines } = doc;
  const l = lines[li];
  if (l.dash) return { item: li };
  for (let k = li - 1; k >= doc.ds; k--) {
    const r = lines[k];
    if (r.blank) continue;
    if (r.keyCol > l.keyCol) continue;
    if (r.keyCol === l.keyCol) { if (r.dash) return { item: k }; continue; }
    return r.key !== undefined && !r.rest ? { key: k } : undefined;
  }
  return l.keyCol === 0 ? { root: true } : undefined;
}

/** The key line owning the list whose item starts on line `item`. */
function listOwner(doc: Doc, item: number): number {
  const { lines } = doc;
  const d = lines[item].indent;
  for (let k = item - 1; k >= doc.ds; k--) {
    const r = lines[k];
    if (r.blank) continue;
    if (r.dash && r.indent === d) continue;
    if (r.keyCol > d) continue;
    return r.key !== undefined && !r.rest ? k : -1;
  }
  return -1;
}

/** Keys from the root down to the key on line `li`, with `[]` for list items. */
function pathOf(doc: Doc, li: number): string[] | undefined {
  const segs: string[] = [];
  let cur = li;
  for (let guard = 0; guard < 200; guard++) {
    const l = doc.lines[cur];
    if (l.key === undefined) return undefined;
    segs.unshift(l.key);
    const o = ownerOf(doc, cur);
    if (!o) return undefined;
    if ('root' in o) return segs;
    if ('key' in o) { cur = o.key; continue; }
    segs.unshift('[]');
    // The item's first key may be on the item line itself (same mapping); its owner is the list's key.
    const owner = listOwner(doc, o.item);
    if (owner < 0) return undefined;
    cur = owner;
  }
  return undefined;
}

/** The env entry around the value line: the keys (line indexes) of its mapping. */
function entryOf(doc: Doc, vi: number): { item: number; keys: number[] } | undefined {
  const { lines } = doc;
  const o = ownerOf(doc, vi);
  if (!o || !('item' in o)) return undefined;
  const col = lines[vi].keyCol;
  const keys: number[] = [o.item];
  for (let k = o.item + 1; k < doc.de; k++) {
    const r = lines[k];
    if (r.blank) continue;
    if (r.dash ? r.indent < col : r.keyCol < col) break;
    if (!r.dash && r.keyCol === col && r.key !== undefined) keys.push(k);
  }
  return { item: o.item, keys };
}

/** The end (exclusive) of the block of key line `p` (-1: the document root). */
function blockEnd(doc: Doc, p: number): number {
  if (p < 0) return doc.de;
  const col = doc.lines[p].keyCol;
  for (let k = p + 1; k < doc.de; k++) {
    const r = doc.lines[k];
    if (!r.blank && (r.dash ? r.indent < col : r.keyCol <= col)) return k;
  }
  return doc.de;
}

function childCol(doc: Doc, p: number): number {
  for (let k = p + 1; k < blockEnd(doc, p); k++) if (!doc.lines[k].blank) return doc.lines[k].dash ? -1 : doc.lines[k].keyCol;
  return -1;
}

/** Line indexes of the direct mapping children of key line `p` (-1: the root). */
function children(doc: Doc, p: number): number[] {
  const col = p < 0 ? 0 : childCol(doc, p);
  if (col < 0) return [];
  const out: number[] = [];
  for (let k = p < 0 ? doc.ds : p + 1; k < blockEnd(doc, p); k++) {
    const r = doc.lines[k];
    if (!r.blank && !r.dash && r.keyCol === col && r.key !== undefined) out.push(k);
  }
  return out;
}

function childOf(doc: Doc, p: number, key: string): Line | undefined {
  const k = children(doc, p).find((i) => doc.lines[i].key === key);
  return k === undefined ? undefined : doc.lines[k];
}

function rootChild(doc: Doc, key: string): Line | undefined {
  return childOf(doc, -1, key);
}

function lineAt(doc: Doc, keys: readonly string[]): number {
  let p = -1;
  for (const key of keys) {
    const k = children(doc, p).find((i) => doc.lines[i].key === key);
    if (k === undefined) return -1;
    p = k;
  }
  return p;
}

function lastContent(doc: Doc, p: number): number {
  let last = p;
  for (let k = p + 1; k < blockEnd(doc, p); k++) if (!doc.lines[k].blank) last = k;
  return last;
}
