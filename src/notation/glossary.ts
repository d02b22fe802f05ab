/**
 * The glossary: each term of the book with a one-line meaning and a link to the place where the
 * chapter defines it (a heading slug or a `<dfn id>` in the MDX). The links gate checks that every
 * fragment exists; tests/unit/notation.test.ts checks it against the chapter sources.
 */
export interface GlossaryTerm {
  term: string;
  meaning: string;
  /** Root-relative link to the defining place, or a note for a chapter not yet written. */
  defined: { href: string } | { planned: string };
}

const at = (chapter: string, anchor: string) => ({ href: `/${chapter}/#${anchor}` });
const ch1 = (a: string) => at('linear-limits', a);
const ch2 = (a: string) => at('activations', a);
const ch3 = (a: string) => at('softmax-gradients', a);
const ch4 = (a: string) => at('embeddings', a);
const ch5 = (a: string) => at('probes', a);

export const GLOSSARY: GlossaryTerm[] = [
  { term: 'activation function', meaning: 'the nonlinear function g applied to each pre-activation', defined: ch2('smooth-replacements') },
  { term: 'activation pattern', meaning: 'which ReLU units are on for which inputs', defined: ch2('training-from-scratch-can-fail') },
  {
    term: 'Adam',
    meaning: 'an optimiser giving each parameter its own step size, from running averages of its gradient and of the gradient’s square',
    defined: ch3('term-adam'),
  },
  { term: 'affine map', meaning: 'x ↦ xW + b: a linear map plus a shift; the book’s “linear layer”', defined: ch1('term-affine') },
  {
    term: 'backpropagation',
    meaning: 'the chain rule organised layer by layer, each intermediate gradient computed once',
    defined: ch3('backpropagation-through-the-hidden-layer'),
  },
  {
    term: 'capacity (of a linear threshold unit)',
    meaning: '2d points: the number below which almost every labelling is separable',
    defined: ch1('counting-dichotomies'),
  },
  { term: 'central difference', meaning: '(𝓛(θ + ε) − 𝓛(θ − ε)) / 2ε, a numerical derivative with error O(ε²)', defined: ch3('central-differences') },
  { term: 'control task', meaning: 'labels a probe can learn only by memorising, to measure how much it learns by itself', defined: ch5('term-control-task') },
  { term: 'credit assignment', meaning: 'working out how much each hidden unit contributed to an error', defined: ch2('a-staircase-has-no-slope') },
  { term: 'cross-entropy', meaning: '−Σ p_i log q_i; with a one-hot target, −log o_y', defined: ch3('a-one-hot-target-reduces-it-to-one-term') },
  {
    term: 'data processing inequality',
    meaning: 'a function of a representation holds no more information than the representation',
    defined: ch5('term-data-processing-inequality'),
  },
  { term: 'dead unit', meaning: 'a ReLU unit that is off for every input and so never receives a gradient', defined: ch2('training-from-scratch-can-fail') },
  {
    term: 'decision boundary',
    meaning: 'the inputs where a classifier’s score is zero; a hyperplane for a linear one',
    defined: ch1('the-boundary-is-a-hyperplane'),
  },
  { term: 'cosine similarity', meaning: 'a·b / (‖a‖ ‖b‖): the cosine of the angle between two rows', defined: ch4('term-cosine-similarity') },
  { term: 'dichotomy', meaning: 'a split of a set of points into two classes', defined: ch1('counting-dichotomies') },
  { term: 'embedding', meaning: 'a word’s row jE of the learned table E', defined: ch4('term-embedding') },
  { term: 'embedding table', meaning: 'E, a |V| × e matrix of parameters with one row per word', defined: ch4('term-embedding-table') },
  { term: 'exploding gradient', meaning: 'a gradient that grows geometrically with depth', defined: ch2('exploding-gradients') },
  { term: 'features', meaning: 'the d numbers x that describe an input', defined: ch1('a-score-and-a-threshold') },
  { term: 'gated linear unit (GLU, SwiGLU)', meaning: 'an elementwise product of a gated and a plain linear map of the same input', defined: ch2('swiglu') },
  {
    term: 'general position',
    meaning: 'no d + 1 points on a common hyperplane (for homogeneous separation: every d points independent)',
    defined: ch1('counting-dichotomies'),
  },
  { term: 'gradient check', meaning: 'comparing a derived gradient with central differences, by relative error', defined: ch3('gradient-checking') },
  {
    term: 'He and Xavier initialisation',
    meaning: 'initial weight variances 2/v_in and 2/(v_in + v_out)',
    defined: ch2('why-relu-helps-and-what-initialisation-has-to-do-with-it'),
  },
  { term: 'hinge', meaning: 'one ReLU unit’s graph: two straight pieces meeting at a kink κ', defined: ch2('one-unit-one-hinge') },
  { term: 'inductive bias', meaning: 'an architecture’s built-in preference for one kind of solution', defined: ch2('the-last-layer-is-a-linear-model') },
  { term: 'label smoothing', meaning: 'training towards (1 − ε)T + ε/m instead of the one-hot T', defined: ch3('term-label-smoothing') },
  { term: 'L2 penalty (weight decay)', meaning: '(λ/2)‖W‖² added to the loss, shrinking every weight a little at each step', defined: ch3('term-l2-penalty') },
  { term: 'learning rate', meaning: 'η, the size of a gradient-descent step', defined: ch2('a-staircase-has-no-slope') },
  { term: 'lift', meaning: 'a fixed nonlinear map of the features into more dimensions, ψ', defined: ch1('lifting-the-features') },
  {
    term: 'linearly separable',
    meaning: 'some w and b give every class-1 point a positive score and every class-0 point a negative one',
    defined: ch1('the-boundary-is-a-hyperplane'),
  },
  { term: 'logits', meaning: 'the last linear layer’s outputs z, one per class', defined: ch3('from-scores-to-probabilities') },
  { term: 'minibatch', meaning: 't items processed together, stacked as rows', defined: ch3('the-network-and-a-minibatch') },
  { term: 'one-hot', meaning: 'a row with a single 1 and zeros elsewhere', defined: ch3('a-one-hot-target-reduces-it-to-one-term') },
  { term: 'perplexity', meaning: 'exp of the mean cross-entropy per word on held-out text', defined: ch4('perplexity') },
  { term: 'pre-activation', meaning: 'a unit’s input to its activation, k = xW + b', defined: ch1('term-pre-activation') },
  { term: 'probe', meaning: 'a linear classifier trained on one layer’s frozen activations', defined: ch5('term-linear-probe') },
  { term: 'selectivity', meaning: 'a probe’s held-out accuracy on the real task minus that on a control task', defined: ch5('term-selectivity') },
  { term: 'relative error', meaning: '|a − n| / max(|a|, |n|), how gradient checks are judged', defined: ch3('relative-error') },
  { term: 'saturation', meaning: 'an activation’s flat region, where its slope is below 0.05', defined: ch2('a-catalogue-of-activation-functions') },
  { term: 'scatter-add', meaning: 'adding values into the rows an index list names; the backward pass of a lookup', defined: ch4('term-scatter-add') },
  { term: 'score', meaning: 's(x) = w·x + b, thresholded at zero by a linear classifier', defined: ch1('a-score-and-a-threshold') },
  { term: 'softmax', meaning: 'o_i = e^{z_i} / Σ_j e^{z_j}, logits to probabilities', defined: ch3('from-scores-to-probabilities') },
  { term: 'temperature', meaning: 'τ in softmax(z / τ): low is peaked, high is flat', defined: ch3('temperature') },
  { term: 'unit roundoff', meaning: 'ρ, the largest relative error of rounding to a floating-point number', defined: ch3('choosing-the-step') },
  {
    term: 'universal approximation',
    meaning: 'one hidden layer approximates any continuous function on a bounded region',
    defined: ch2('enough-hinges-approximate-any-continuous-function'),
  },
  { term: 'vanishing gradient', meaning: 'a gradient that shrinks geometrically with depth', defined: ch2('the-chain-rule-through-depth') },
  { term: 'vocabulary', meaning: 'the |V| words a model knows, numbered 1 … |V|', defined: ch4('term-vocabulary') },
  { term: 'window (of words)', meaning: 'n consecutive words, whose embeddings side by side form the input x', defined: ch4('term-window') },
  { term: 'XOR', meaning: 'exclusive or: 1 when exactly one of two bits is 1', defined: ch1('xor-four-points-no-line-can-separate') },
];
