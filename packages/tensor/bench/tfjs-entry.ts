/* Entry bundled by run.ts with esbuild (ESM builds of tfjs, like a browser bundler would see them): tfjs-core with the
   CPU backend and all gradients registered. Node alone cannot load tfjs-core's ESM build (extensionless imports) and its
   CommonJS build lacks the gradient functions. */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * from '@tensorflow/tfjs-core';
