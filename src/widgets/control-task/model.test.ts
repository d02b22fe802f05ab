import { describe, expect, it } from 'vitest';
import { CAPACITIES, agreement, capacityText, clusterLabels, controlLabels, hiddenOf, props, selectivity } from './model';

describe('control labels attach to clusters, not to digits', () => {
  const trainLabels = Int32Array.from({ length: 1000 }, (_, i) => (i * 7) % 10);

  it('give every cluster one label, the same for every digit in it, fixed by the seed', () => {
    const byCluster = clusterLabels(100, trainLabels, 1);
    expect(byCluster).toHaveLength(100);
    expect(clusterLabels(100, trainLabels, 1)).toEqual(byCluster);
    expect(clusterLabels(100, trainLabels, 2)).not.toEqual(byCluster);
    const assignments = [3, 3, 17, 3, 17, 99];
    const labels = controlLabels(assignments, byCluster);
    expect(Array.from(labels)).toEqual(assignments.map((c) => byCluster[c]));
    expect(labels[0]).toBe(labels[3]);
  });

  it('follow the real labels’ frequencies: labels drawn from the training digits, every class present over 100 clusters', () => {
    const byCluster = clusterLabels(100, trainLabels, 1);
    expect(new Set(byCluster).size).toBe(10);
    expect(byCluster.every((l) => l >= 0 && l < 10)).toBe(true);
    const skewed = Int32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 4 : 2));
    const drawn = clusterLabels(100, skewed, 3).filter((l) => l === 4).length;
    expect(drawn).toBeGreaterThan(80);
  });

  it('selectivity is real minus control accuracy; agreement counts equal labels', () => {
    expect(selectivity(0.91, 0.28)).toBeCloseTo(0.63, 12);
    expect(selectivity(0.9, 0.95)).toBeCloseTo(-0.05, 12);
    expect(agreement([1, 2, 3, 4], [1, 0, 3, 0])).toBe(0.5);
  });

  it('capacities run from the linear probe up, the widest MLP shown by default', () => {
    expect(CAPACITIES.map(hiddenOf)).toEqual([0, 16, 64, 256]);
    expect(capacityText('linear')).toBe('linear probe');
    expect(capacityText('mlp-64')).toBe('MLP probe, 64 hidden units');
    expect(props.capacity.default).toBe('mlp-256');
  });
});
