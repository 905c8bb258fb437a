/**
 * Shannon entropy of a candidate secret, in bits per character (UTF-16 code unit), the measure
 * gitleaks thresholds use: random base64 scores near 6, hex near 4, words and repeats lower.
 */

export function shannonEntropy(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}
