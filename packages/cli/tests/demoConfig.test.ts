import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadFleetConfig } from '@fleet/shared';
import { DEMO_BASELINE_KEY, DEMO_INPUT_COLUMNS, demoDataBucket, writeDemoConfig } from '../src/demo/demoConfig.js';

const repoRoot = path.join(__dirname, '..', '..', '..');

describe("the demo's configuration", () => {
  it('is the repository configuration with the endpoint features and their baseline for churn on the local stage', () => {
    // Act
    const written = writeDemoConfig(repoRoot);

    try {
      // Assess
      const config = loadFleetConfig({ file: written.file, stage: 'local' });
      expect(config.models.churn.drift?.inputColumns).toEqual([...DEMO_INPUT_COLUMNS]);
      expect(config.models.churn.drift?.baseline).toBe(`s3://${demoDataBucket()}/${DEMO_BASELINE_KEY}`);
      expect(written.baselineUri).toBe(config.models.churn.drift?.baseline);
      // Everything else as in the repository's file, contracts found under the same names.
      const original = loadFleetConfig({ file: path.join(repoRoot, 'fleet.config.yaml'), stage: 'local' });
      expect(config.pipelines).toEqual(original.pipelines);
      expect(config.models.churn.deployment).toEqual(original.models.churn.deployment);
      const contract = config.datasets.churn.contract;
      expect(contract).toBe(original.datasets.churn.contract);
      expect(readFileSync(path.resolve(config.baseDir, contract), 'utf8')).toBe(
        readFileSync(path.resolve(original.baseDir, contract), 'utf8'),
      );
    } finally {
      written.remove();
    }
    expect(existsSync(written.file)).toBe(false);
  });

  it('refuses a configuration that already has a local stage, naming the file', () => {
    // Prepare
    const dir = mkdtempSync(path.join(tmpdir(), 'fleet-demo-config-test-'));
    const source = path.join(dir, 'fleet.config.yaml');
    writeFileSync(
      source,
      `${readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8').replace(/^stages:\s*$/m, 'stages:\n  local: {}')}`,
    );

    try {
      // Act / Assess
      expect(() => writeDemoConfig(dir)).toThrow(`${source} already has a stages.local`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
