/**
 * The book's word tokeniser, shared by the corpus builder (`scripts/data`) and any widget that
 * reads typed words, so a word typed by the reader meets the same token the model was trained on.
 * Pure module.
 */

/** The tokeniser in one sentence, recorded in the corpus manifest. */
export const TOKENISER_DESCRIPTION =
  'Unicode NFKD with accents removed, æ/œ spelt ae/oe, curly apostrophes made straight, lower case; ' +
  "a token is a run of letters a–z joined by inner apostrophes (don't, o'er), or a run of digits; " +
  "a final 's becomes its own token (ahab's → ahab + 's); hyphens, dashes and all other punctuation separate tokens and are dropped.";

/** The token pattern, applied to the normalised text. */
export const TOKEN_PATTERN = /[a-z]+(?:'[a-z]+)*|[0-9]+/g;

/** Normalise text before matching tokens: strip accents, spell ligatures out, straighten apostrophes, lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[æÆ]/g, 'ae').replace(/[œŒ]/g, 'oe').replace(/[‘’ʼ]/g, "'").toLowerCase();
}

/** Split text into tokens (see `TOKENISER_DESCRIPTION`). */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  for (const m of normalise(text).matchAll(TOKEN_PATTERN)) {
    const w = m[0];
    if (w.length > 2 && w.endsWith("'s")) out.push(w.slice(0, -2), "'s");
    else out.push(w);
  }
  return out;
}
