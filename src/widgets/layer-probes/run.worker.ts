/** The layer-probes run in a dedicated worker: the page sends the settings with the digits, and play/pause; it draws the snapshots. */
import { serveRun, type RunPort } from '../_shared/run/serve';
import type { MnistSnapshot } from '../_shared/mnist-net/run';
import type { LayerProbesSettings } from './model';
import { layerProbesRun } from './train';

serveRun(self as unknown as RunPort<LayerProbesSettings, MnistSnapshot>, layerProbesRun);
