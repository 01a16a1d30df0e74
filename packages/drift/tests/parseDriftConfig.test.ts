import { ConfigError } from '@fleet/shared';
import { parseDriftConfig } from '../src/index.js';

describe('parseDriftConfig', () => {
  it('returns the defaults for an empty file', () => {
    // Act
    const config = parseDriftConfig('', 'drift.yaml');

    // Assess
    expect(config).toEqual({
      alpha: 0.05,
      minRows: 100,
      smallSampleRows: 1000,
      correction: 'benjamini-hochberg',
      features: {},
      quality: { allowedDrop: 0.05 },
    });
  });

  it('returns per-feature settings, prediction and labels', () => {
    // Prepare
    const text = [
      'alpha: 0.01',
      'driftShare: 0.5',
      'features:',
      '  tenure: { test: ks, threshold: 0.001, critical: true }',
      'prediction: { column: score }',
      'labels: { column: churn, positive: 1 }',
      'quality: { allowedDrop: 0.1 }',
    ].join('\n');

    // Act
    const config = parseDriftConfig(text, 'drift.yaml');

    // Assess
    expect(config.alpha).toBe(0.01);
    expect(config.driftShare).toBe(0.5);
    expect(config.features.tenure).toEqual({ test: 'ks', threshold: 0.001, critical: true });
    expect(config.prediction).toEqual({ column: 'score', threshold: 0.5 });
    expect(config.labels).toEqual({ column: 'churn', positive: '1' });
    expect(config.quality.allowedDrop).toBe(0.1);
  });

  it.each([
    ['features:\n  tenure: { test: t-test }', /^drift\.yaml: features\.tenure\.test: /],
    ['alpha: 2', /^drift\.yaml: alpha: /],
    ['minRows: -1', /^drift\.yaml: minRows: /],
    ['features:\n  tenure: { test: ks, threshold: 5 }', /features\.tenure\.threshold: must be below 1/],
    ['prediction: {}', /prediction\.column: /],
    ['unknown: 1', /drift\.yaml: .*unknown/],
  ])('throws a ConfigError naming the field for %p', (text, message) => {
    // Act
    const act = () => parseDriftConfig(text, 'drift.yaml');

    // Assess
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(message);
  });

  it('throws a ConfigError when the text is not YAML', () => {
    // Act
    const act = () => parseDriftConfig('alpha: [1,', 'drift.yaml');

    // Assess
    expect(act).toThrow(/^drift\.yaml: not valid YAML or JSON/);
  });
});
