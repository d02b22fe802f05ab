import { serveRun, type RunPort } from '../../src/widgets/_shared/run/serve.ts';
import { MnistBenchRun, type MnistSnapshot } from './mnist-run.ts';

serveRun(self as unknown as RunPort<number, MnistSnapshot>, (seed) => new MnistBenchRun(seed));
