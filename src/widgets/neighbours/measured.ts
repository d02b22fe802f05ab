/**
 * Figures chapter 4 quotes about the pretrained window model and its table. `measured.test.ts` recomputes every one
 * from the committed files in `scripts/data/pretrained/` (npx vitest run src/widgets/neighbours/measured.test.ts);
 * `npm run data:pretrain` regenerates those files from the seed.
 */
export const measured = {
  // Window size n, embedding width e, hidden width v, seed and epochs of scripts/data/pretrain-embeddings.ts (the manifest's model).
  n: 3,
  e: 32,
  hidden: 64,
  seed: 20260404,
  epochs: 2,
  // |V|: the 2,000 most frequent words of the training part plus <unk> (rows of E).
  vocabSize: 2001,
  // Tokens predicted in the held-out part, the last 10 % of the text.
  heldOutTokens: 21357,
  // Held-out perplexities, rounded to 0.01: the window model from its committed weights, the unigram and the add-k bigram (windowNll, baselines).
  perplexity: { model: 136.22, unigram: 233.41, bigram: 171.1 },
  // k of the add-k bigram, the best of K_GRID on the last 10 % of the training part (chooseK); the held-out part plays no part.
  bigramK: 0.05,
  // Bytes the widget downloads when it starts: E (rounded to float16 precision, gzipped) and its words (the manifest's transferBytes).
  downloadBytes: 155980,
  // The five nearest words by cosine similarity (rounded to 0.001) in the served table, <unk> left out (neighboursOf).
  neighbours: {
    whale: [
      ['books', 0.571],
      ['pequod', 0.532],
      ['ship', 0.526],
      ['ships', 0.507],
      ['nor', 0.503],
    ],
    sea: [
      ['encountered', 0.635],
      ['pirates', 0.595],
      ['now', 0.593],
      ['degree', 0.588],
      ['ashore', 0.558],
    ],
    ahab: [
      ['delight', 0.632],
      ['queequeg', 0.628],
      ['masts', 0.585],
      ['here', 0.585],
      ['man', 0.582],
    ],
    three: [
      ['its', 0.719],
      ['modern', 0.694],
      ['our', 0.682],
      ['solitary', 0.671],
      ['thy', 0.667],
    ],
  },
  // The 20 candidate analogies of analogies.ts: the expected words that came first among the answers (a, b, c left out), and how many came in the top five (evaluate).
  analogies: { total: 20, hits: ['their', 'was', 'did'], top5: 3 },
} as const;
