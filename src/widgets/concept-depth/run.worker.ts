/** The concept-depth run in a dedicated worker: the page sends settings and play/pause, and draws the snapshots. */
import { serveRun, type RunPort } from '../_shared/run/serve';
import type { ConceptValues } from './model';
import { ConceptDepthRun, type ConceptSnapshot } from './train';

serveRun(self as unknown as RunPort<ConceptValues, ConceptSnapshot>, (v) => new ConceptDepthRun(v));
