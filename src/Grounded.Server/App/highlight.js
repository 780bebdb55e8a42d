// Finding what to highlight in a passage: the sentence an answer cites, or a search's terms. Returns offsets, never HTML:
// the pages wrap the slices in <mark> with dom.js, so a document's text is never parsed as markup.

const words = text => new Set((text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []));

// The [start, end) of the passage's sentence sharing the most words with the claims; [0, 0] when none shares any.
export function citedSentence(passage, claims) {
  const wanted = words((claims ?? []).join(' '));
  let best = [0, 0];
  let bestScore = 0;
  for (const match of passage.matchAll(/[^.!?\n]+(?:[.!?]+|$)/gm)) {
    const sentence = match[0];
    const shared = [...words(sentence)].filter(w => wanted.has(w)).length;
    if (shared > bestScore) {
      const lead = sentence.length - sentence.trimStart().length;
      bestScore = shared;
      best = [match.index + lead, match.index + sentence.trimEnd().length];
    }
  }
  return best;
}

// The [start, end) ranges of the query's words (3 letters or more) in text, in order, not overlapping.
export function termRanges(text, query) {
  const terms = [...words(query)].map(t => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!terms.length) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})[\\p{L}]*`, 'giu');
  return [...text.matchAll(pattern)].map(m => [m.index, m.index + m[0].length]);
}

// Text split into strings and <mark> nodes for the ranges, built with h.
export function marked(h, text, ranges) {
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(text.slice(at, start), h('mark', {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
