/**
 * Shannon entropy of a candidate secret, in bits per character (UTF-16 code unit), the measure
 * gitleaks thresholds use: random base64 scores near 6, hex near 4, words and repeats lower.
 */

/** Reused counters for ASCII text, and the characters in order of first appearance. */
const counts = new Int32Array(128);
const order = new Int32Array(128);

export function shannonEntropy(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      for (let k = 0; k < distinct; k++) counts[order[k]] = 0;
      return entropyOfAny(text);
    }
    if (counts[c]++ === 0) order[distinct++] = c;
  }
  // Summed in order of first appearance, as entropyOfAny does: the same bits for the same text.
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const c = order[k];
    const p = counts[c] / n;
    counts[c] = 0;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function entropyOfAny(text: string): number {
  const n = text.length;
  const byChar = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    byChar.set(c, (byChar.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of byChar.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}
