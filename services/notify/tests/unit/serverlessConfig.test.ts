import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fleetEvents, parseFleetConfig } from '@fleet/shared';
import { parse as parseYaml } from 'yaml';
import { routedDetailTypes } from '../../src/domain/routing/routeEvent.js';

// Reads the stack definition as YAML (no framework run) and holds it to the catalog and the
// fleet configuration, which it is written out from.
const serviceDir = path.resolve(__dirname, '..', '..');
const repoRoot = path.resolve(serviceDir, '..', '..');
const stack = parseYaml(readFileSync(path.join(serviceDir, 'serverless.yml'), 'utf8'));
const configText = readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8');
const stages = ['prod', ...Object.keys(parseYaml(configText).stages ?? {})];
const configs = stages.map((stage) => parseFleetConfig(configText, { file: 'fleet.config.yaml', stage }));

type Statement = { Action: string | string[]; Resource: unknown };
type FunctionDefinition = {
  events?: {
    eventBridge?: {
      pattern: { source: string[]; 'detail-type': string[] };
      deadLetterQueueArn?: unknown;
      retryPolicy?: unknown;
    };
  }[];
  iamRoleStatements: Statement[];
  destinations?: { onFailure?: unknown };
};
const functions = stack.functions as Record<string, FunctionDefinition>;

const ruleOf = (name: string) => functions[name].events?.find((event) => event.eventBridge)?.eventBridge;

/** The SSM parameter names a function may read. */
const parametersOf = (name: string): string[] =>
  functions[name].iamRoleStatements
    .filter((s) => ([] as string[]).concat(s.Action).includes('ssm:GetParameter'))
    .flatMap((s) => ([] as unknown[]).concat(s.Resource))
    .map(
      (r) =>
        /:parameter(\/.*)$/.exec((r as { 'Fn::Sub': string })['Fn::Sub'])?.[1] ?? `unexpected ${JSON.stringify(r)}`,
    )
    .sort();

const union = (lists: string[][]) => [...new Set(lists.flat())].sort();

describe('notify serverless.yml', () => {
  it.each(['slack', 'pagerduty'] as const)(
    'lists in the %s rule exactly the detail-types its routing may send there',
    (destination) => {
      // Prepare
      const rule = ruleOf(destination === 'slack' ? 'slackDelivery' : 'pagerDutyDelivery');

      // Act
      const expected = union(configs.map((config) => routedDetailTypes(config, destination)));

      // Assess
      expect([...(rule?.pattern['detail-type'] ?? [])].sort()).toEqual(expected);
      expect([...(rule?.pattern.source ?? [])].sort()).toEqual(
        union([[...new Set(Object.values(fleetEvents).map((event) => event.source))]]),
      );
      expect(rule?.deadLetterQueueArn).toBeDefined();
      expect(rule?.retryPolicy).toBeDefined();
    },
  );

  it('lets each function read only the parameters the configuration names for it', () => {
    // Prepare
    const secrets = configs.map((config) => config.secrets);
    const routingKeys = union(
      configs.map(
        (config) =>
          [
            ...Object.values(config.routing?.pagerduty ?? {}),
            ...Object.values(config.models).flatMap((model) => Object.values(model.routing.pagerduty ?? {})),
          ] as string[],
      ),
    );
    const signing = union([secrets.map((s) => s.slackSigningSecret ?? '')]).filter(Boolean);
    const botToken = union([secrets.map((s) => s.slackBotToken ?? '')]).filter(Boolean);

    // Act
    const read = {
      slackDelivery: parametersOf('slackDelivery'),
      digestFire: parametersOf('digestFire'),
      pagerDutyDelivery: parametersOf('pagerDutyDelivery'),
      reportLink: parametersOf('reportLink'),
    };

    // Assess
    expect(read).toEqual({
      slackDelivery: union([botToken, signing]),
      digestFire: union([botToken, signing]),
      pagerDutyDelivery: union([routingKeys, signing]),
      reportLink: signing,
    });
  });

  it('gives every function an on-failure destination', () => {
    expect(
      Object.entries(functions)
        .filter(([, fn]) => fn.destinations?.onFailure === undefined)
        .map(([name]) => name),
    ).toEqual([]);
  });
});
