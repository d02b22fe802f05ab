/** The window model's training run in a dedicated worker: the page sends settings (and the loaded text) and play/pause, and draws the snapshots. */
import { serveRun, type RunPort } from '../_shared/run/serve';
import { WindowTrainer, type WindowSettings } from './train';
import type { WindowView } from './view';

serveRun(self as unknown as RunPort<WindowSettings, WindowView>, (v) => new WindowTrainer(v));
