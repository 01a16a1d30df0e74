import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AWS_DEFAULTS } from '@fleet/local-cloud';

/**
 * The churn features the demo's live traffic carries, in order: the local endpoint's model reads
 * numbers only (as SageMaker's built-in algorithms read CSV), so requests hold the contract's
 * numeric columns, and the drift monitor is told so through `drift.inputColumns`.
 */
export const DEMO_INPUT_COLUMNS: readonly string[] = [
  'tenure_months',
  'monthly_charges',
  'total_charges',
  'senior_citizen',
];

/** The stage the demo runs as (the local cloud's default). */
const STAGE = 'local';

/** Where in the data bucket the demo puts the drift baseline (the training data's `DEMO_INPUT_COLUMNS` and target). */
export const DEMO_BASELINE_KEY = 'baselines/churn/churn_baseline_features.csv';

/** A configuration file written for one demo run, the drift baseline it names, and how to remove it. */
export type DemoConfigFile = { file: string; baselineUri: string; remove: () => void };

/** The data bucket the core stack creates on the local stage (checked against the stack's output once up). */
export const demoDataBucket = (): string =>
  `fleet-${STAGE}-data-${AWS_DEFAULTS.accountId}-${process.env.AWS_REGION ?? AWS_DEFAULTS.region}`;

/**
 * Writes the fleet configuration the demo runs with: the repository's `fleet.config.yaml` in a
 * temporary folder (next to links to the folders its `contract:` paths start with), with a
 * `stages.local` overlay naming the features the demo's endpoint receives
 * (`models.churn.drift.inputColumns`, `DEMO_INPUT_COLUMNS`) and the baseline they are compared
 * with (`models.churn.drift.baseline`: `DEMO_BASELINE_KEY` in the data bucket, which the demo
 * writes from the training data before the first check): the monitor compares every column of
 * its baseline, and the training data's other columns never reach the endpoint.
 *
 * @throws Error when the configuration already has a `local` stage (the overlay would clash with it)
 */
export const writeDemoConfig = (rootDir: string, source = 'fleet.config.yaml'): DemoConfigFile => {
  const sourceFile = path.resolve(rootDir, source);
  const sourceDir = path.dirname(sourceFile);
  const baselineUri = `s3://${demoDataBucket()}/${DEMO_BASELINE_KEY}`;
  const text = readFileSync(sourceFile, 'utf8');
  if (new RegExp(`^ {2}${STAGE}:`, 'm').test(text)) {
    throw new Error(`${sourceFile} already has a stages.${STAGE}; the demo adds its own for drift.inputColumns`);
  }
  const overlay = [
    `  ${STAGE}:`,
    '    models:',
    '      churn:',
    '        drift:',
    `          inputColumns: [${DEMO_INPUT_COLUMNS.join(', ')}]`,
    `          baseline: ${baselineUri}`,
  ].join('\n');
  const withOverlay = /^stages:\s*$/m.test(text)
    ? text.replace(/^stages:\s*$/m, `stages:\n${overlay}`)
    : `${text.trimEnd()}\n\nstages:\n${overlay}\n`;
  const dir = mkdtempSync(path.join(tmpdir(), 'fleet-demo-'));
  // The contracts stay where they are, under the names the configuration gives them.
  const linked = new Set<string>();
  for (const [, contract] of text.matchAll(/^\s*contract:\s*["']?([^\s#"']+)/gm)) {
    const [first] = contract.split('/');
    if (path.isAbsolute(contract) || first === '..' || linked.has(first)) continue;
    linked.add(first);
    symlinkSync(path.join(sourceDir, first), path.join(dir, first));
  }
  const file = path.join(dir, 'fleet.config.yaml');
  writeFileSync(file, withOverlay);
  return { file, baselineUri, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
