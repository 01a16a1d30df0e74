import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFleetConfig } from '@fleet/shared';
import { parse as parseYaml } from 'yaml';
import { DriftCheckInput } from '../../src/events/DriftCheckInput.js';

// Reads the stack definition as YAML (no framework run): what the packaged template and the
// local cloud both start from.
const serviceDir = path.resolve(__dirname, '..', '..');
const repoRoot = path.resolve(serviceDir, '..', '..');
const stack = parseYaml(readFileSync(path.join(serviceDir, 'serverless.yml'), 'utf8'));
const configText = readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8');

type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };
type ScheduleEvent = {
  eventBridge: {
    schedule?: string;
    inputTransformer?: { inputTemplate: string };
    deadLetterQueueArn?: unknown;
    retryPolicy?: unknown;
  };
};
const fn = stack.functions.checkDrift as {
  events: ScheduleEvent[];
  iamRoleStatements: Statement[];
  destinations?: { onFailure?: unknown };
};

/** Every stage's view of the monitored models: the drift schedule, capture base and dataset prefixes. */
const monitored = () => {
  const stages = ['prod', ...Object.keys(parseYaml(configText).stages ?? {})];
  const found = new Map<string, { schedule: string; capture: string; groundTruth?: string; group?: string }>();
  for (const stage of stages) {
    const config = parseFleetConfig(configText, { file: 'fleet.config.yaml', stage });
    for (const [model, m] of Object.entries(config.models)) {
      if (m.drift === undefined) continue;
      const endpoint = m.drift.capture?.endpoint ?? m.deployment?.endpointName;
      const variant = m.drift.capture?.variant ?? m.deployment?.variantName ?? 'AllTraffic';
      const prefix = m.drift.capture?.prefix ?? m.deployment?.dataCapture?.prefix;
      found.set(model, {
        schedule: m.drift.schedule,
        capture: `${prefix}/${endpoint}/${variant}`,
        groundTruth: m.drift.groundTruth?.prefix,
        group: m.modelPackageGroup,
      });
    }
  }
  return found;
};

const actions = (s: Statement) => ([] as string[]).concat(s.Action);
const resourcesOf = (statements: Statement[], action: string) =>
  statements.filter((s) => actions(s).includes(action)).flatMap((s) => ([] as unknown[]).concat(s.Resource));
const joinedSuffix = (resource: unknown) =>
  ((resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1][1] as string) ?? '';

describe('serverless.yml of drift-monitor', () => {
  it('declares one schedule per monitored model, with the configured expression and a valid input', () => {
    // Prepare
    const expected = monitored();

    // Act
    const schedules = fn.events.map((e) => {
      const input = JSON.parse(
        (e.eventBridge.inputTransformer?.inputTemplate ?? '')
          .replace('<aws.events.rule-arn>', 'arn:aws:events:eu-west-1:1:rule/r')
          .replace('<time>', '2026-03-02T00:10:00Z')
          .replace('<id>', 'id-1'),
      );
      return { model: DriftCheckInput.parse(input).model, schedule: e.eventBridge.schedule };
    });

    // Assess
    expect(schedules.map((s) => s.model).sort()).toEqual([...expected.keys()].sort());
    for (const s of schedules) {
      expect(stack.custom.schedules[s.model]).toBe(expected.get(s.model)?.schedule);
      expect(s.schedule).toBe(`\${self:custom.schedules.${s.model}}`);
    }
  });

  it('gives every schedule a dead-letter queue and a retry policy, and the function an on-failure destination', () => {
    for (const e of fn.events) {
      expect(e.eventBridge.deadLetterQueueArn).toBeDefined();
      expect(e.eventBridge.retryPolicy).toBeDefined();
    }
    expect(fn.destinations?.onFailure).toBeDefined();
  });

  it('scopes S3 to the capture and ground truth of each monitored model, its training data, evaluations and the report prefix', () => {
    // Prepare
    const models = [...monitored().values()];
    const captures = models.map((m) => `${m.capture}/*`);
    const groundTruth = models.flatMap((m) => (m.groundTruth === undefined ? [] : [`${m.groundTruth}/*`]));
    const listable = [...captures, ...groundTruth].sort();

    // Act
    const listed = fn.iamRoleStatements
      .filter((s) => actions(s).includes('s3:ListBucket'))
      .flatMap((s) => s.Condition?.StringLike?.['s3:prefix'] as string[]);
    const read = resourcesOf(fn.iamRoleStatements, 's3:GetObject').map(joinedSuffix).sort();
    const written = resourcesOf(fn.iamRoleStatements, 's3:PutObject').map(joinedSuffix);

    // Assess
    expect(groundTruth).toEqual(['ground-truth/churn/*']);
    expect(listed.sort()).toEqual(listable);
    expect(read).toEqual([...listable.map((c) => `/${c}`), '/raw/churn/*', '/evaluation/*'].sort());
    expect(written).toEqual(['/reports/drift/*']);
    expect(fn.iamRoleStatements.flatMap(actions).filter((a) => a.startsWith('s3:') && a.includes('*'))).toEqual([]);
  });

  it('describes only the packages of the monitored models groups', () => {
    // Prepare
    const groups = [...monitored().values()].map((m) => m.group).sort();

    // Act
    const arns = resourcesOf(fn.iamRoleStatements, 'sagemaker:DescribeModelPackage').map(
      (r) => /model-package\/([^/]+)\/\*$/.exec((r as { 'Fn::Sub': string })['Fn::Sub'])?.[1],
    );

    // Assess
    expect(arns.sort()).toEqual(groups);
  });
});
