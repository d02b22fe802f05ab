/** The control-task run in a dedicated worker: the page sends the seed with the digits, and play/pause. */
import { serveRun, type RunPort } from '../_shared/run/serve';
import { ControlRun, type ControlSettings, type ControlSnapshot } from './train';

serveRun(self as unknown as RunPort<ControlSettings, ControlSnapshot>, (s) => new ControlRun(s));
