/**
 * "Did you mean" for near misses: a table of words people type from other tools, then the
 * closest candidate by edit distance (at most 2, so suggestions stay plausible).
 */
export function suggest(input: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const lower = input.toLowerCase();
  const alias = aliases[lower];
  if (alias !== undefined) return alias;
  if (candidates.includes(lower)) return lower;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance; inputs here are a few characters long. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
