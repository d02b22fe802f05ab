/** The scrambled-pixels run in a dedicated worker: the page sends the settings with the digits, and play/pause. */
import { serveRun, type RunPort } from '../_shared/run/serve';
import { ScrambleRun, type ScrambleSettings, type ScrambleSnapshot } from './train';

serveRun(self as unknown as RunPort<ScrambleSettings, ScrambleSnapshot>, (s) => new ScrambleRun(s));
