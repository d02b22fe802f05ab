/** The playground's training run in a dedicated worker: the page sends settings and play/pause, and draws the snapshots. */
import { serveRun, type RunPort } from '../_shared/run/serve';
import type { PlaygroundValues } from './model';
import { PlaygroundTrainer } from './train';
import type { RunView } from './view';

serveRun(self as unknown as RunPort<PlaygroundValues, RunView>, (v) => new PlaygroundTrainer(v));
