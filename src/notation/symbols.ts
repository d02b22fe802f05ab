/**
 * The book's notation: one meaning per symbol, for every chapter. The notation page renders
 * these tables (KaTeX at build time) and tests/unit/notation.test.ts holds the chapters to them.
 *
 * `defined` is a root-relative link to the place in the book where the symbol is introduced
 * (a heading slug or a `<dfn id>` in the chapter), or a plain note for chapters not yet written.
 */
export interface NotationSymbol {
  /** KaTeX source of the symbol as it is written in the chapters. */
  tex: string;
  meaning: string;
  /** KaTeX source of the shape, for arrays; empty for scalars and functions. */
  shape?: string;
  defined: { href: string; label: string } | { planned: string };
}

export interface NotationGroup {
  id: string;
  title: string;
  symbols: NotationSymbol[];
}

const ch1 = (anchor: string, label: string) => ({ href: `/linear-limits/#${anchor}`, label: `1 · ${label}` });
const ch2 = (anchor: string, label: string) => ({ href: `/activations/#${anchor}`, label: `2 · ${label}` });
const ch3 = (anchor: string, label: string) => ({ href: `/softmax-gradients/#${anchor}`, label: `3 · ${label}` });
const ch4 = (anchor: string, label: string) => ({ href: `/embeddings/#${anchor}`, label: `4 · ${label}` });
const ch5 = (anchor: string, label: string) => ({ href: `/probes/#${anchor}`, label: `5 · ${label}` });

export const NOTATION: NotationGroup[] = [
  {
    id: 'data',
    title: 'Data, items and minibatches',
    symbols: [
      {
        tex: '\\mathbf{x}',
        meaning: 'one item’s input features, a row vector',
        shape: '1 \\times d',
        defined: ch1('a-score-and-a-threshold', 'A score and a threshold'),
      },
      { tex: 'x_i', meaning: 'the i-th feature of an input', defined: ch1('a-score-and-a-threshold', 'A score and a threshold') },
      { tex: 'd', meaning: 'number of input features', defined: ch1('a-score-and-a-threshold', 'A score and a threshold') },
      {
        tex: 'y',
        meaning: 'an item’s label: a target value (chapter 1) or the index of its class',
        defined: ch1('what-least-squares-does-with-xor', 'What least squares does with XOR'),
      },
      { tex: '\\hat{y}', meaning: 'the model’s prediction or decision', defined: ch1('a-score-and-a-threshold', 'A score and a threshold') },
      {
        tex: 'X',
        meaning: 'the inputs of t items (or of a whole data set) stacked as rows; chapter 1’s design matrix',
        shape: 't \\times d',
        defined: ch1('what-least-squares-does-with-xor', 'What least squares does with XOR'),
      },
      {
        tex: 't',
        meaning: 'minibatch size: the number of items processed together',
        defined: ch3('the-network-and-a-minibatch', 'The network and a minibatch'),
      },
      { tex: 'r', meaning: 'index of an item within a minibatch (row r)', defined: ch3('the-network-and-a-minibatch', 'The network and a minibatch') },
      { tex: 'N', meaning: 'number of points in a data set or training set', defined: ch1('counting-dichotomies', 'Counting dichotomies') },
      { tex: 'm', meaning: 'number of classes, that is, of outputs', defined: ch3('term-classes', 'Softmax gradients, introduction') },
    ],
  },
  {
    id: 'linear',
    title: 'Linear models and layers',
    symbols: [
      {
        tex: '\\mathbf{w},\\ b',
        meaning: 'weights and bias of a single linear unit; its score is w·x + b',
        shape: '1 \\times d',
        defined: ch1('a-score-and-a-threshold', 'A score and a threshold'),
      },
      { tex: 's(\\mathbf{x})', meaning: 'the score of a linear classifier, w·x + b', defined: ch1('a-score-and-a-threshold', 'A score and a threshold') },
      {
        tex: 'W^{(l)},\\ \\mathbf{b}^{(l)}',
        meaning: 'weights and bias of layer l; entry wᵢⱼ joins input i to output j, and the layer computes hW + b',
        shape: 'v_{l-1} \\times v_l,\\ 1 \\times v_l',
        defined: ch1('two-linear-layers-are-one-linear-layer', 'Two linear layers are one linear layer'),
      },
      {
        tex: "W',\\ \\mathbf{b}'",
        meaning: 'the single layer that a stack of linear layers collapses into',
        defined: ch1('two-linear-layers-are-one-linear-layer', 'Two linear layers are one linear layer'),
      },
      {
        tex: '\\boldsymbol{\\theta},\\ \\theta',
        meaning: 'all the parameters, and any one of them',
        defined: ch1('what-least-squares-does-with-xor', 'What least squares does with XOR'),
      },
      {
        tex: '\\boldsymbol{\\psi}',
        meaning: 'a fixed nonlinear lift of the features, such as (x₁, x₂) ↦ (x₁, x₂, x₁x₂)',
        defined: ch1('lifting-the-features', 'Lifting the features'),
      },
      {
        tex: 'C(N, d),\\ P(N, d)',
        meaning: 'Cover’s number of separable dichotomies of N points in d dimensions, and the fraction C/2ᴺ',
        defined: ch1('counting-dichotomies', 'Counting dichotomies'),
      },
      { tex: "d'", meaning: 'number of features after a lift (Cover’s theorem)', defined: ch1('what-this-says-about-lifting', 'What this says about lifting') },
    ],
  },
  {
    id: 'network',
    title: 'The network (the lecture notes’ names)',
    symbols: [
      {
        tex: '\\mathbf{k}',
        meaning: 'pre-activations of a hidden layer, k = xH + b_H (t rows for a minibatch)',
        shape: '1 \\times v',
        defined: ch1('term-pre-activation', 'An attempted transform'),
      },
      {
        tex: 'g',
        meaning: 'the activation function, applied entry by entry; g′ is its derivative',
        defined: ch2('smooth-replacements', 'Smooth replacements'),
      },
      {
        tex: '\\mathbf{h}',
        meaning: 'hidden values, h = g(k) (t rows for a minibatch)',
        shape: '1 \\times v',
        defined: ch1('one-bend-the-step-function', 'One bend: the step function'),
      },
      {
        tex: 'H,\\ \\mathbf{b}_H',
        meaning: 'first-layer weights and bias',
        shape: 'd \\times v,\\ 1 \\times v',
        defined: ch3('the-network-and-a-minibatch', 'The network and a minibatch'),
      },
      {
        tex: 'U,\\ \\mathbf{b}_U',
        meaning: 'output-layer weights and bias; with a single output, U is the column uᵀ',
        shape: 'v \\times m,\\ 1 \\times m',
        defined: ch3('the-network-and-a-minibatch', 'The network and a minibatch'),
      },
      {
        tex: '\\mathbf{u}',
        meaning: 'the output weights of a network with one output, as a row',
        shape: '1 \\times v',
        defined: ch1('two-linear-layers-are-one-linear-layer', 'Two linear layers are one linear layer'),
      },
      {
        tex: 'v',
        meaning: 'hidden width, the number of hidden units; in a deeper network layer l has width v_l, and v₀ = d',
        defined: ch1('two-linear-layers-are-one-linear-layer', 'Two linear layers are one linear layer'),
      },
      {
        tex: '\\mathbf{z}',
        meaning: 'logits: the last linear layer’s outputs, z = hU + b_U',
        shape: '1 \\times m',
        defined: ch3('from-scores-to-probabilities', 'From scores to probabilities'),
      },
      {
        tex: '\\mathbf{o}',
        meaning: 'output probabilities, o = softmax(z)',
        shape: '1 \\times m',
        defined: ch3('from-scores-to-probabilities', 'From scores to probabilities'),
      },
      {
        tex: '\\mathbf{T}',
        meaning: 'the one-hot target row, T_y = 1 (t rows for a minibatch)',
        shape: '1 \\times m',
        defined: ch3('a-one-hot-target-reduces-it-to-one-term', 'A one-hot target reduces it to one term'),
      },
      { tex: '\\tau', meaning: 'softmax temperature, softmax(z / τ)', defined: ch3('temperature', 'Temperature') },
      { tex: 'D', meaning: 'depth: the number of layers', defined: ch2('the-chain-rule-through-depth', 'The chain rule through depth') },
      {
        tex: 'l',
        meaning: 'a layer index, 1 ≤ l ≤ D; layer 0 is the input, h⁽⁰⁾ = x (an italic l, never the script ℓ of the loss)',
        defined: ch2('the-chain-rule-through-depth', 'The chain rule through depth'),
      },
      { tex: '\\kappa', meaning: 'the position of a ReLU unit’s kink, κ = −b/w', defined: ch2('one-unit-one-hinge', 'One unit, one hinge') },
    ],
  },
  {
    id: 'activations',
    title: 'Activation functions',
    symbols: [
      { tex: '\\sigma', meaning: 'the logistic sigmoid, 1/(1 + e^{−x})', defined: ch2('sigmoid', 'Sigmoid') },
      {
        tex: '\\operatorname{step},\\ \\operatorname{ReLU}',
        meaning: 'the step function and the rectified linear unit',
        defined: ch1('one-bend-the-step-function', 'One bend: the step function'),
      },
      { tex: '\\alpha', meaning: 'the negative-side slope of Leaky ReLU', defined: ch2('leaky-relu', 'Leaky ReLU') },
      { tex: '\\Phi,\\ \\varphi', meaning: 'the standard normal distribution function and density (GELU)', defined: ch2('gelu', 'GELU') },
      { tex: '\\beta', meaning: 'the sharpness of Swish, x σ(βx)', defined: ch2('swish-and-silu', 'Swish and SiLU') },
      {
        tex: "\\mathbf{k},\\ \\mathbf{k}'",
        meaning: 'in a gated unit: the gate’s and the value’s pre-activations, output Swish(k) ⊙ k′',
        defined: ch2('swiglu', 'SwiGLU'),
      },
      { tex: '\\odot', meaning: 'elementwise product', defined: ch2('swiglu', 'SwiGLU') },
    ],
  },
  {
    id: 'training',
    title: 'Loss, gradients and training',
    symbols: [
      {
        tex: '\\ell',
        meaning: 'one item’s loss, e.g. ℓ = −log o_y; ℓ_r is item r’s',
        defined: ch3('a-one-hot-target-reduces-it-to-one-term', 'A one-hot target reduces it to one term'),
      },
      {
        tex: '\\mathcal{L}',
        meaning: 'the mean loss over a minibatch or a data set, (1/t) Σ ℓ_r; the quantity gradient descent minimises',
        defined: ch1('what-least-squares-does-with-xor', 'What least squares does with XOR'),
      },
      {
        tex: '\\partial \\ell / \\partial \\mathbf{z}',
        meaning: 'per-item gradient at an activation: one row per item, no 1/t',
        shape: 't \\times m',
        defined: ch3('the-network-and-a-minibatch', 'The network and a minibatch'),
      },
      {
        tex: '\\partial \\mathcal{L} / \\partial H',
        meaning: 'gradient of the mean loss with respect to a parameter: the parameter’s shape',
        shape: 'd \\times v',
        defined: ch3('the-first-layer', 'The first layer'),
      },
      { tex: '\\eta', meaning: 'the learning rate: θ ← θ − η ∂𝓛/∂θ', defined: ch2('a-staircase-has-no-slope', 'A staircase has no slope') },
      {
        tex: '\\beta_1,\\ \\beta_2',
        meaning: 'Adam’s decay rates for its running averages of the gradient and of its square (usually 0.9 and 0.999)',
        defined: ch3('term-adam', 'Adam'),
      },
      {
        tex: '\\lambda',
        meaning: 'the L2 (weight-decay) coefficient, adding (λ/2)‖W‖² to 𝓛; never a learning rate',
        defined: ch3('term-l2-penalty', 'L2 penalty'),
      },
      {
        tex: '\\boldsymbol{\\gamma}_r,\\ \\bar{\\boldsymbol{\\gamma}}',
        meaning: 'one item’s gradient and the full-batch gradient (their mean)',
        defined: ch3('minibatch-averaging-and-gradient-noise', 'Minibatch averaging and gradient noise'),
      },
      {
        tex: '\\varepsilon',
        meaning: 'a small positive number: the finite-difference step, the label-smoothing weight, an error tolerance',
        defined: ch3('central-differences', 'Central differences'),
      },
      { tex: '\\rho', meaning: 'the unit roundoff of a floating-point format', defined: ch3('choosing-the-step', 'Choosing the step') },
    ],
  },
  {
    id: 'local',
    title: 'Functions, constants and names local to a proof',
    symbols: [
      {
        tex: 'f,\\ \\hat{f}',
        meaning: 'a function of the input that a network should compute, and an approximation of it',
        defined: ch1('a-plane-through-the-lifted-corners', 'A plane through the lifted corners'),
      },
      {
        tex: '\\mathcal{A}',
        meaning: 'an affine map x ↦ xA + c (chapter 1’s midpoint argument)',
        defined: ch1('why-no-linear-map-can-help', 'Why no linear map can help'),
      },
      {
        tex: '\\mathbf{p},\\ \\mathbf{q}',
        meaning: 'two points (chapter 1) or two probability distributions over the classes (chapter 3), in a proof',
        defined: ch1('why-no-linear-map-can-help', 'Why no linear map can help'),
      },
      { tex: '\\mu', meaning: 'a scalar weight or ratio inside a proof', defined: ch1('why-no-linear-map-can-help', 'Why no linear map can help') },
      {
        tex: '\\mathbf{0},\\ \\mathbf{1},\\ \\mathbf{1}_t',
        meaning: 'the row of zeros, the row of ones, the row of t ones (which sums the rows of a t-row matrix)',
        defined: ch3('adding-a-constant-changes-nothing', 'Adding a constant changes nothing'),
      },
      {
        tex: '\\mathbf{y}',
        meaning: 'the targets of t items stacked as a column, one row per item',
        shape: 't \\times 1',
        defined: ch1('what-least-squares-does-with-xor', 'What least squares does with XOR'),
      },
      {
        tex: '\\Sigma_{\\mathbf{x}}',
        meaning: 'the covariance matrix of the inputs',
        shape: 'd \\times d',
        defined: ch1('what-least-squares-does-with-xor', 'What least squares does with XOR'),
      },
      {
        tex: '\\psi_i,\\ X_{\\psi}',
        meaning: 'the coordinates of a lifted point, and the design matrix of lifted features',
        defined: ch1('a-plane-through-the-lifted-corners', 'A plane through the lifted corners'),
      },
      {
        tex: 'a_j,\\ \\Delta',
        meaning: 'the slope of the j-th straight piece of an interpolant, and the longest piece’s length',
        defined: ch2('enough-hinges-approximate-any-continuous-function', 'Enough hinges approximate any continuous function'),
      },
      { tex: '\\Lambda', meaning: 'the tent function built from two ReLU units', defined: ch2('exercise-sawtooth', 'Exercise: Folding with depth') },
      {
        tex: '\\operatorname{Var}(w),\\ v_{\\text{in}},\\ v_{\\text{out}}',
        meaning: 'the variance of initial weights, and the widths of the layers below and above',
        defined: ch2('why-relu-helps-and-what-initialisation-has-to-do-with-it', 'Why ReLU helps'),
      },
      {
        tex: '\\omega',
        meaning: 'the standard deviation of one item’s gradient entry around the full-batch value',
        defined: ch3('minibatch-averaging-and-gradient-noise', 'Minibatch averaging and gradient noise'),
      },
      { tex: '\\pi', meaning: 'the number 3.14159…', defined: ch2('gelu', 'GELU') },
    ],
  },
  {
    id: 'embeddings',
    title: 'Embeddings (chapter 4)',
    symbols: [
      { tex: 'V,\\ \\lvert V \\rvert', meaning: 'the vocabulary and its size', defined: ch4('term-vocabulary', 'A vocabulary and its indices') },
      { tex: 'j', meaning: 'a word’s index in the vocabulary, 1 ≤ j ≤ |V|', defined: ch4('term-vocabulary', 'A vocabulary and its indices') },
      {
        tex: '\\mathbf{j}',
        meaning: 'the one-hot row of word j',
        shape: '1 \\times \\lvert V \\rvert',
        defined: ch4('term-one-hot', 'A vocabulary and its indices'),
      },
      {
        tex: 'E',
        meaning: 'the embedding table, one row per word, no bias',
        shape: '\\lvert V \\rvert \\times e',
        defined: ch4('term-embedding-table', 'The embedding table'),
      },
      {
        tex: 'e',
        meaning: 'embedding width, e ≪ |V| (the exponential is always written e^x or exp)',
        defined: ch4('term-embedding-table', 'The embedding table'),
      },
      {
        tex: '\\mathbf{j}E,\\ E_j',
        meaning: 'the lookup: row j of E, the embedding of word j (the notes write Ej)',
        shape: '1 \\times e',
        defined: ch4('term-embedding', 'The embedding table'),
      },
      { tex: 'n', meaning: 'window size: the number of words in the input', defined: ch4('term-window', 'Concatenating n embeddings') },
      {
        tex: 'j_{r,i}',
        meaning: 'the index of the i-th word of window r',
        shape: 't \\times n',
        defined: ch4('every-shape-in-one-table', 'Every shape in one table'),
      },
      {
        tex: '\\mathbf{x} = [\\mathbf{j}_1 E, \\dots, \\mathbf{j}_n E]',
        meaning: 'a window’s input, n embeddings side by side, so d = n·e and H is (n·e) × v',
        shape: '1 \\times ne',
        defined: ch4('concatenating-n-embeddings', 'Concatenating n embeddings'),
      },
      {
        tex: 'H_i',
        meaning: 'block i of H: the e rows that act on the embedding at position i',
        shape: 'e \\times v',
        defined: ch4('concatenating-n-embeddings', 'Concatenating n embeddings'),
      },
      {
        tex: 'J_i',
        meaning: 'the one-hot rows of the words at position i of t windows, stacked',
        shape: 't \\times \\lvert V \\rvert',
        defined: ch4('split-into-blocks-and-scatter-add', 'Split into blocks and scatter-add'),
      },
      {
        tex: '\\cos(E_a, E_b)',
        meaning: 'cosine similarity of two words’ rows, E_a·E_b / (‖E_a‖ ‖E_b‖)',
        defined: ch4('term-cosine-similarity', 'Words used alike end up close'),
      },
    ],
  },
  {
    id: 'probes',
    title: 'Probes (chapter 5)',
    symbols: [
      {
        tex: '\\mathbf{h}^{(l)}',
        meaning: 'the activations after layer l; h⁽⁰⁾ = x, the raw input',
        shape: '1 \\times v_l',
        defined: ch5('a-linear-head-needs-a-linearly-separable-representation', 'A linear head needs a linearly separable representation'),
      },
      {
        tex: 'Q^{(l)},\\ \\mathbf{c}^{(l)}',
        meaning: 'a linear probe on layer l: softmax(h⁽ˡ⁾Q⁽ˡ⁾ + c⁽ˡ⁾), trained with the network frozen',
        shape: 'v_l \\times m',
        defined: ch5('alain-and-bengios-definition', 'Alain and Bengio’s definition'),
      },
      {
        tex: 'K',
        meaning: 'number of clusters in a control task (the k of k-means; lower-case k stays the pre-activations)',
        defined: ch5('control-tasks-and-selectivity', 'Control tasks and selectivity'),
      },
    ],
  },
];

/** Every symbol, flattened, in page order. */
export const ALL_SYMBOLS: NotationSymbol[] = NOTATION.flatMap((g) => g.symbols);
