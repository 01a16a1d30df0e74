import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFleetConfig } from '@fleet/shared';
import { parse as parseYaml } from 'yaml';
import { ScheduleInput } from '../../src/events/ScheduleInput.js';

// Reads the stack definition as YAML (no framework run): what the packaged template and the
// local cloud both start from.
const serviceDir = path.resolve(__dirname, '..', '..');
const repoRoot = path.resolve(serviceDir, '..', '..');
const stack = parseYaml(readFileSync(path.join(serviceDir, 'serverless.yml'), 'utf8'));
const configText = readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8');

type Statement = { Action: string | string[]; Resource: unknown };
type EventBridgeEvent = {
  eventBridge: {
    schedule?: string;
    pattern?: { detail?: { pipelineArn?: { suffix: { 'equals-ignore-case': string } }[] } };
    inputTransformer?: { inputTemplate: string };
    deadLetterQueueArn?: unknown;
    retryPolicy?: unknown;
  };
};
type FunctionDefinition = {
  handler: string;
  events?: EventBridgeEvent[];
  iamRoleStatements: Statement[];
  destinations?: { onFailure?: unknown };
};
const functions = stack.functions as Record<string, FunctionDefinition>;

/** The SageMaker pipeline names of the configuration, for every stage it defines. */
const configuredPipelineNames = (): string[] => {
  const stages = ['prod', ...Object.keys(parseYaml(configText).stages ?? {})];
  const names = stages.flatMap((stage) =>
    Object.entries(parseFleetConfig(configText, { file: 'fleet.config.yaml', stage }).pipelines).map(
      ([key, pipeline]) => (pipeline.pipelineName ?? key).toLowerCase(),
    ),
  );
  return [...new Set(names)].sort();
};

const subStrings = (resource: unknown): string[] =>
  (Array.isArray(resource) ? resource : [resource]).map((r) => (r as { 'Fn::Sub'?: string })['Fn::Sub'] ?? String(r));

const pipelinesIn = (statements: Statement[], action: string, pattern: RegExp): string[] =>
  statements
    .filter((s) => ([] as string[]).concat(s.Action).includes(action))
    .flatMap((s) => subStrings(s.Resource))
    .map((arn) => pattern.exec(arn)?.[1] ?? `unexpected resource ${arn}`)
    .sort();

describe('serverless.yml of trigger-retraining', () => {
  it('lets every starting function start exactly the configured pipelines', () => {
    // Prepare
    const expected = configuredPipelineNames();

    // Act
    const starters = Object.entries(functions).filter(([, fn]) =>
      fn.iamRoleStatements.some((s) => ([] as string[]).concat(s.Action).includes('sagemaker:StartPipelineExecution')),
    );

    // Assess
    expect(starters.map(([name]) => name).sort()).toEqual([
      'datasetValidated',
      'debounceFire',
      'driftDetected',
      'manualStart',
      'scheduleTick',
    ]);
    for (const [, fn] of starters) {
      expect(pipelinesIn(fn.iamRoleStatements, 'sagemaker:StartPipelineExecution', /:pipeline\/([^/]+)$/)).toEqual(
        expected,
      );
    }
  });

  it('lets every starting function describe exactly the configured pipelines, and no other function', () => {
    // Prepare
    const expected = configuredPipelineNames();

    // Act
    const describers = Object.entries(functions).filter(([, fn]) =>
      fn.iamRoleStatements.some((s) => ([] as string[]).concat(s.Action).includes('sagemaker:DescribePipeline')),
    );

    // Assess
    expect(describers.map(([name]) => name).sort()).toEqual([
      'datasetValidated',
      'debounceFire',
      'driftDetected',
      'manualStart',
      'scheduleTick',
    ]);
    for (const [, fn] of describers) {
      expect(pipelinesIn(fn.iamRoleStatements, 'sagemaker:DescribePipeline', /:pipeline\/([^/]+)$/)).toEqual(expected);
    }
  });

  it('follows the status changes of exactly the configured pipelines', () => {
    // Prepare
    const statusChange = functions.pipelineStatusChange;

    // Act
    const suffixes = (statusChange.events ?? []).flatMap((e) =>
      (e.eventBridge.pattern?.detail?.pipelineArn ?? []).map((p) => p.suffix['equals-ignore-case']),
    );
    const described = pipelinesIn(
      statusChange.iamRoleStatements,
      'sagemaker:DescribePipelineExecution',
      /:pipeline\/([^/]+)\/execution\/\*$/,
    );

    // Assess
    expect(suffixes.map((s) => s.replace(':pipeline/', '')).sort()).toEqual(configuredPipelineNames());
    expect(described).toEqual(configuredPipelineNames());
  });

  it('gives every function an existing handler and an on-failure destination', () => {
    // Act
    const problems = Object.entries(functions).flatMap(([name, fn]) => {
      const [file, exported] = fn.handler.split('.');
      const source = path.join(serviceDir, `${file}.ts`);
      return [
        ...(existsSync(source) && readFileSync(source, 'utf8').includes(`export const ${exported} =`)
          ? []
          : [`${name}: no export "${exported}" in ${file}.ts`]),
        ...(fn.destinations?.onFailure === undefined ? [`${name}: no on-failure destination`] : []),
      ];
    });

    // Assess
    expect(problems).toEqual([]);
  });

  it('gives every EventBridge target a dead-letter queue and a retry policy', () => {
    // Act
    const missing = Object.entries(functions).flatMap(([name, fn]) =>
      (fn.events ?? [])
        .filter((e) => e.eventBridge.deadLetterQueueArn === undefined || e.eventBridge.retryPolicy === undefined)
        .map(() => name),
    );

    // Assess
    expect(missing).toEqual([]);
  });

  it('sends a schedule input the schedule handler accepts', () => {
    // Prepare
    const template = functions.scheduleTick.events?.[0].eventBridge.inputTransformer?.inputTemplate ?? '';
    const filled = template
      .replace('<aws.events.rule-arn>', 'arn:aws:events:eu-west-1:123456789012:rule/nightly')
      .replace('<time>', '2026-03-02T03:00:00Z')
      .replace('<id>', '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa');

    // Act
    const parsed = ScheduleInput.safeParse(JSON.parse(filled));

    // Assess
    expect(parsed.success).toBe(true);
    expect(Object.keys(parseFleetConfig(configText, { file: 'f', stage: 'dev' }).pipelines)).toContain(
      parsed.data?.pipeline,
    );
  });
});
