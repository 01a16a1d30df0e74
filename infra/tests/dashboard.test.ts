import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SkipReason } from '../../packages/shared/src/events/fleetEvents';
import { FleetMetric, skippedMetricName } from '../../packages/shared/src/metrics/FleetMetric';
import { MetricDimension } from '../../packages/shared/src/metrics/MetricDimension';
import { packageAllStacks, repoRoot, type Template } from './packagedStacks';

// Packages every stack (once per jest run, shared with the other stack tests) and checks the
// stage's dashboard in the core stack against what the stacks create and the services emit.

let templates: Map<string, Template>;

beforeAll(() => {
  templates = packageAllStacks('dev');
}, 600_000);

type Widget = { type: string; properties: { title?: string; metrics?: unknown[][] } };
/** One metric line of a widget: namespace, name, its dimensions. */
type MetricLine = { widget: string; namespace: string; name: string; dimensions: Record<string, string> };

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** What CloudFormation substitutes for the pseudo parameters, in a test account in eu-west-1. */
const PSEUDO_PARAMETERS: Record<string, string> = { Region: 'eu-west-1', Partition: 'aws', AccountId: '123456789012' };

/** The dashboard body as CloudFormation would hand it to CloudWatch. */
const dashboardBody = (): string => {
  const core = templates.get('.') as Template;
  const [[, dashboard]] = resourcesOf(core, 'AWS::CloudWatch::Dashboard');
  const body = dashboard.Properties?.DashboardBody as { 'Fn::Sub': string } | undefined;
  if (body === undefined) throw new Error('the dashboard has no DashboardBody');
  return body['Fn::Sub'].replace(/\$\{AWS::(\w+)\}/g, (variable, name: string) => PSEUDO_PARAMETERS[name] ?? variable);
};

const widgets = (): Widget[] => (JSON.parse(dashboardBody()) as { widgets: Widget[] }).widgets;

/** Every metric line of every widget (expressions, which name no metric, left out). */
const metricLines = (): MetricLine[] =>
  widgets().flatMap((widget) =>
    (widget.properties.metrics ?? [])
      .filter((line) => typeof line[0] === 'string')
      .map((line) => {
        const fields = line.filter((field): field is string => typeof field === 'string');
        const [namespace, name, ...pairs] = fields;
        const dimensions: Record<string, string> = {};
        for (let i = 0; i + 1 < pairs.length; i += 2) dimensions[pairs[i]] = pairs[i + 1];
        return { widget: widget.properties.title ?? '', namespace, name, dimensions };
      }),
  );

const has = (namespace: string, name: string, dimensions: Record<string, string>) =>
  metricLines().some(
    (line) =>
      line.namespace === namespace &&
      line.name === name &&
      JSON.stringify(Object.entries(line.dimensions).sort()) === JSON.stringify(Object.entries(dimensions).sort()),
  );

/** The models fleet.config.yaml monitors for drift. */
const driftModels = (): string[] => {
  const config = parseYaml(readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8')) as {
    models: Record<string, { drift?: unknown }>;
  };
  return Object.entries(config.models)
    .filter(([, model]) => model.drift !== undefined)
    .map(([name]) => name);
};

describe('the stage dashboard', () => {
  it('is one dashboard named fleet-<stage>, valid JSON once CloudFormation substitutes it', () => {
    // Act
    const core = templates.get('.') as Template;
    const dashboards = resourcesOf(core, 'AWS::CloudWatch::Dashboard');

    // Assess
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0][1].Properties?.DashboardName).toBe('fleet-dev');
    expect(dashboardBody()).not.toMatch(/\$\{/);
    expect(widgets().length).toBeGreaterThan(20);
    for (const widget of widgets().filter((w) => w.type === 'metric')) {
      expect((widget.properties as { region?: string }).region).toBe('eu-west-1');
    }
  });

  it('shows the invocations, errors, throttles and duration of every function of every service', () => {
    // Prepare
    const functionNames = [...templates].flatMap(([, template]) =>
      resourcesOf(template, 'AWS::Lambda::Function').map(([, fn]) => String(fn.Properties?.FunctionName)),
    );

    // Act
    const missing = functionNames.flatMap((functionName) =>
      ['Invocations', 'Errors', 'Throttles', 'Duration']
        .filter((metric) => !has('AWS/Lambda', metric, { FunctionName: functionName }))
        .map((metric) => `${functionName}: ${metric}`),
    );

    // Assess
    expect(functionNames.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('shows the depth of every dead-letter queue and the approval executions', () => {
    // Prepare
    const queueNames = [...templates].flatMap(([, template]) =>
      resourcesOf(template, 'AWS::SQS::Queue').map(([, queue]) => String(queue.Properties?.QueueName)),
    );

    // Act
    const missing = queueNames.filter(
      (queueName) => !has('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: queueName }),
    );

    // Assess
    expect(queueNames).toEqual(expect.arrayContaining(['fleet-dev-dlq', 'fleet-dev-approval-requests-dlq']));
    expect(missing).toEqual([]);
    const approvals = { StateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:fleet-dev-approval' };
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      expect(has('AWS/States', metric, approvals)).toBe(true);
    }
  });

  it('shows the loop: retrains started and skipped by reason, validations by verdict, drift per model, approvals, deployments and rollbacks, notifications', () => {
    // Prepare
    const by = (service: string) => ({ service });
    const expected: [string, Record<string, string>][] = [
      [FleetMetric.RetrainingStarted, by('trigger-retraining')],
      [FleetMetric.RetrainingSkipped, by('trigger-retraining')],
      ...SkipReason.options.map((reason): [string, Record<string, string>] => [
        skippedMetricName(reason),
        by('trigger-retraining'),
      ]),
      [FleetMetric.DatasetsValidated, by('validate-dataset')],
      [FleetMetric.DatasetsRejected, by('validate-dataset')],
      ...driftModels().flatMap((model): [string, Record<string, string>][] => [
        [FleetMetric.DriftDetected, { service: 'drift-monitor', model }],
        [FleetMetric.DriftShare, { service: 'drift-monitor', model }],
      ]),
      [FleetMetric.ApprovalsRequested, by('approval-callback')],
      [FleetMetric.ApprovalsDecided, by('approval-callback')],
      [FleetMetric.DeploymentsSucceeded, by('approval-callback')],
      [FleetMetric.DeploymentsFailed, by('approval-callback')],
      [FleetMetric.DeploymentsRolledBack, by('approval-callback')],
      [FleetMetric.NotificationsDelivered, by('notify')],
      [FleetMetric.NotificationsFailed, by('notify')],
    ];

    // Act
    const missing = expected.filter(([name, dimensions]) => !has('fleet', name, dimensions));

    // Assess
    expect(driftModels()).toContain('churn');
    expect(missing).toEqual([]);
  });

  it('reads only metrics the fleet defines, with the fleet dimension names', () => {
    // Prepare
    const names = new Set<string>([
      ...Object.values(FleetMetric),
      ...SkipReason.options.map((reason) => skippedMetricName(reason)),
    ]);
    const dimensionNames = new Set<string>(Object.values(MetricDimension));

    // Act
    const unknown = metricLines()
      .filter((line) => line.namespace === 'fleet')
      .filter((line) => !names.has(line.name) || Object.keys(line.dimensions).some((d) => !dimensionNames.has(d)))
      .map((line) => `${line.widget}: ${line.name} ${JSON.stringify(line.dimensions)}`);

    // Assess
    expect(unknown).toEqual([]);
  });
});

/** The TypeScript sources of the services and packages, test files aside. */
const sourceFiles = (): string[] => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.endsWith('.ts') && !full.endsWith('.test.ts')) files.push(full);
    }
  };
  for (const group of ['services', 'packages']) {
    for (const name of readdirSync(path.join(repoRoot, group))) {
      const src = path.join(repoRoot, group, name, 'src');
      if (existsSync(src)) walk(src);
    }
  }
  return files;
};

describe('the metrics the dashboard reads', () => {
  it('are dimensioned by service, model and pipeline only, spelled as MetricDimension spells them', () => {
    // Prepare: every way Powertools Metrics takes a dimension, and EMF documents written by hand.
    const allowed = new Set<string>([
      ...Object.keys(MetricDimension).map((key) => `MetricDimension.${key}`),
      ...Object.values(MetricDimension).map((value) => `'${value}'`),
    ]);
    // Model Monitor's own namespace and dimensions, written so Model Monitor's dashboards read the
    // fleet's checks (services/drift-monitor/src/domain/modelMonitorEmf.ts): not the fleet namespace.
    const handWrittenEmf = new Set(['services/drift-monitor/src/domain/modelMonitorEmf.ts']);
    const problems: string[] = [];
    let calls = 0;

    // Act
    for (const file of sourceFiles()) {
      const relative = path.relative(repoRoot, file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\.addDimension\(\s*([^,]+),/g)) {
        calls += 1;
        if (!allowed.has(match[1].trim())) problems.push(`${relative}: addDimension(${match[1].trim()}, ...)`);
      }
      for (const match of text.matchAll(/\.(addDimensions|setDefaultDimensions)\(\s*\{([^}]*)\}/g)) {
        calls += 1;
        for (const key of match[2].split(',').map((entry) => entry.split(':')[0].trim())) {
          const spelled = key.startsWith('[') ? key.slice(1, -1) : `'${key.replace(/['"]/g, '')}'`;
          if (key !== '' && !allowed.has(spelled)) problems.push(`${relative}: ${match[1]} with ${key}`);
        }
      }
      if (/defaultDimensions\s*:/.test(text)) problems.push(`${relative}: defaultDimensions beside the service one`);
      if (/CloudWatchMetrics/.test(text) && !handWrittenEmf.has(relative)) {
        problems.push(`${relative}: writes an EMF document by hand`);
      }
    }

    // Assess: the drift monitor's model dimension at least is found, so the scan reads the calls.
    expect(calls).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
