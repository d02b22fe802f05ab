import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { renderSvg } from '../_shared/render-static';
import type { Digits } from '../_shared/data/mnist';
import type { MnistSnapshot } from '../_shared/mnist-net/run';
import { props, runSettings } from './model';
import { probeFigure } from './figure';
import { checkpointLabel, describe as describeFigure, layerTicks, networkText, phaseText, readouts, wrongCaption } from './text';
import { measured } from './measured';

const snap = (over: Partial<MnistSnapshot>): MnistSnapshot => ({
  architecture: '784-256-128-64-10',
  seed: 1,
  phase: 'training',
  steps: 130,
  stepsPerEpoch: 125,
  epoch: 1,
  epochs: 6,
  testAccuracy: 0.9215,
  loss: 0.41234,
  history: [],
  checkpoints: [],
  probing: null,
  ...over,
});

describe('layer probes: settings, words and figure', () => {
  it('defaults to 784-256-128-64-10, seed 1, and passes the digits to the run', () => {
    const v = defaults(props);
    expect(v).toEqual({ depth: 3, width: '256', seed: 1 });
    const digits = { count: 0 } as unknown as Digits;
    expect(runSettings(v, digits)).toEqual({ depth: 3, width: 256, seed: 1, digits });
  });

  it('names layers and checkpoints as the chart shows them', () => {
    expect(layerTicks(5)).toEqual(['pixels', 'h⁽¹⁾', 'h⁽²⁾', 'h⁽³⁾', 'output']);
    expect([0, 1, 3].map(checkpointLabel)).toEqual(['at initialisation', 'after 1 epoch', 'after 3 epochs']);
    expect(networkText({ depth: 5, width: '64', seed: 7 })).toBe('784-64-32-16-16-16-10 ReLU, seed 7');
  });

  it('says what the run is doing, with numbers and never NaN', () => {
    expect(phaseText(snap({}))).toBe('training: epoch 2 of 6, step 5 of 125');
    expect(phaseText(snap({ phase: 'probing', probing: { epoch: 1, layer: 'hidden 2', done: 2, of: 5 } }))).toBe(
      'probing layer 3 of 5 (hidden 2) after 1 epoch',
    );
    expect(phaseText(snap({ phase: 'finished', epoch: 6, checkpoints: [] }))).toBe('finished: 6 epochs and 0 probe sweeps');
    const r = readouts(snap({}));
    expect(r).toEqual({
      'net-acc': '92.2 % (after 1 epoch)',
      loss: '0.412',
      phase: 'training: epoch 2 of 6, step 5 of 125',
      probes: '– (no sweep finished yet)',
    });
    expect(readouts(snap({ loss: null, epoch: 0, steps: 0 }))['loss']).toBe('– (no step yet)');
    expect(wrongCaption('hidden 1', 87, 2000, [{ label: 7, predicted: 1 }])).toBe('hidden 1: 87 of 2,000 test digits wrong; shown: 7 read as 1.');
  });

  it('draws the recorded curves at build time and describes them in words', () => {
    const curves = measured.checkpoints.map((c) => ({ epoch: c.epoch, netAccuracy: c.netAccuracy, accuracies: c.probes }));
    const svg = renderSvg(probeFigure(curves, measured.layers.length));
    expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('after 6 epochs');
    const text = describeFigure(measured.architecture, curves);
    expect(text).toMatch(
      /^Held-out accuracy of a linear probe on each layer of a 784-256-128-64-10 ReLU network, raw pixels first, one curve per checkpoint\. At initialisation \(network \d+\.\d %\): pixels \d\d\.\d %, h⁽¹⁾ \d\d\.\d %/,
    );
    expect(text).not.toMatch(/NaN|undefined/);
  });
});
