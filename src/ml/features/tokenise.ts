/** Words too common in product titles to say anything about the product. */
const STOPWORDS = new Set(["a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with", "by", "at", "from"])

/**
 * Lower-cased word tokens of a title: accents folded, split on anything not a letter or digit,
 * stopwords and 1-character tokens dropped, duplicates kept once (a bag of words).
 */
export function tokenise(text: string): string[] {
  const folded = text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase()
  const seen = new Set<string>()
  for (const token of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (token.length < 2 || STOPWORDS.has(token)) continue
    seen.add(token)
  }
  return [...seen]
}
