/**
 * Every widget a chapter shows, once: its element id (also its URL-state prefix and the last
 * segment of its embed page, `/embed/<id>/`), the name it is exported under from
 * `~/widgets`, its title as the widget draws it, and the slug of the chapter it lives in.
 * `src/pages/embed/[widget].astro` builds one page per entry; `registry.test.ts` fails when a
 * chapter uses a widget that is missing here (or an entry disagrees with its component).
 *
 * Chapters render each widget with no props (`<SoftmaxExplorer />`), so the embed page renders
 * it the same way and both show the same defaults. Pure data: no Astro imports.
 */
import type * as Widgets from './index';

export interface RegistryEntry {
  /** The widget's element id, e.g. `softmax-explorer`. */
  id: string;
  /** Its export from `src/widgets/index.ts`, e.g. `SoftmaxExplorer`. */
  component: keyof typeof Widgets;
  /** The widget's title, as its `WidgetShell` shows it. */
  title: string;
  /** The chapter's URL slug, e.g. `softmax-gradients`. */
  chapter: string;
}

export const registry: readonly RegistryEntry[] = [
  { id: 'xor-fit', component: 'XorFit', title: 'XOR against a linear model', chapter: 'linear-limits' },
  { id: 'linear-stack', component: 'LinearStack', title: 'Stacked linear layers collapse', chapter: 'linear-limits' },
  { id: 'lift-features', component: 'LiftFeatures', title: 'Lift the features: add x₁x₂', chapter: 'linear-limits' },
  { id: 'cover-theorem', component: 'CoverTheorem', title: "Cover's theorem, measured", chapter: 'linear-limits' },
  { id: 'activation-explorer', component: 'ActivationExplorer', title: 'Activation explorer', chapter: 'activations' },
  { id: 'depth-gradients', component: 'DepthGradients', title: 'Gradients through depth', chapter: 'activations' },
  { id: 'hinges', component: 'Hinges', title: 'Build a function from hinges', chapter: 'activations' },
  { id: 'xor-relu-net', component: 'XorReluNet', title: 'The XOR ReLU net', chapter: 'activations' },
  { id: 'gating', component: 'Gating', title: 'A gate multiplies: one SwiGLU unit on XOR', chapter: 'activations' },
  { id: 'softmax-explorer', component: 'SoftmaxExplorer', title: 'Softmax explorer', chapter: 'softmax-gradients' },
  { id: 'gradient-exercise', component: 'GradientExercise', title: 'Type the gradient', chapter: 'softmax-gradients' },
  { id: 'backprop-stepper', component: 'BackpropStepper', title: 'Backpropagation, one equation at a time', chapter: 'softmax-gradients' },
  { id: 'playground', component: 'Playground', title: 'Classifier playground', chapter: 'softmax-gradients' },
  { id: 'find-the-bug', component: 'FindTheBug', title: 'Find the bug', chapter: 'softmax-gradients' },
  { id: 'minibatch-noise', component: 'MinibatchNoise', title: 'Minibatch noise shrinks like 1/√t', chapter: 'softmax-gradients' },
  { id: 'lookup-product', component: 'LookupProduct', title: 'A lookup is a product', chapter: 'embeddings' },
  { id: 'embedding-check', component: 'EmbeddingCheck', title: 'Three ways to the gradient of E', chapter: 'embeddings' },
  { id: 'window-trainer', component: 'WindowTrainer', title: 'Train a window model', chapter: 'embeddings' },
  { id: 'word-neighbours', component: 'Neighbours', title: 'Neighbours and analogies in a table trained on Moby-Dick', chapter: 'embeddings' },
  { id: 'xor-probe', component: 'XorProbe', title: 'A probe on the XOR network', chapter: 'probes' },
  { id: 'scrambled-pixels', component: 'ScrambledPixels', title: 'Scrambled pixels: information versus usability', chapter: 'probes' },
  { id: 'layer-probes', component: 'LayerProbes', title: 'Layer probes on MNIST', chapter: 'probes' },
  { id: 'control-task', component: 'ControlTask', title: 'Control task: when the probe learns the task itself', chapter: 'probes' },
  { id: 'concept-depth', component: 'ConceptDepth', title: 'Concept depth', chapter: 'probes' },
];
