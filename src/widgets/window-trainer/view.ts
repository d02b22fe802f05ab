import type { CorpusName } from './model';

/** One point of the curves: held-out loss, and purity@5 on the grammar (`null` on a text without categories). */
export interface HistoryPoint {
  step: number;
  loss: number;
  purity: number | null;
}

/** A snapshot of a window-model run: what the figure, the readouts and the description show. */
export interface WindowView {
  corpus: CorpusName;
  /** Minibatch steps taken. */
  steps: number;
  /** Tokens in the corpus, and words in its vocabulary (|V|). */
  tokens: number;
  vocab: number;
  /** The curves, one point every few steps. */
  history: HistoryPoint[];
  /** The words drawn in the projection (all words of the grammar; the most frequent words of the text). */
  words: string[];
  /** Each drawn word's category (index into `CATEGORIES`, −1 for other), or `null` for the text. */
  category: number[] | null;
  /** 2-D principal-component coordinates of the drawn words' rows of E, `[x₀, y₀, x₁, y₁, …]`. */
  points: Float64Array;
  /** Step at which `points` and the latest history point were computed. */
  recorded: number;
  /** Analogy accuracy@1 over every analogy of the grammar (`null` for the text), and how many there are. */
  analogy: number | null;
  analogies: number;
  /** The category names (`null` for the text). */
  categories: string[] | null;
  error: string | null;
}
