import path from 'node:path';
import type { SlackInteractionResult } from '@fleet/local-cloud';
import type { DemoReport } from '../src/demo/DemoReport.js';
import { clickUntilAnswered, DRIVER_MAX_ATTEMPTS, faultOptions } from '../src/demo/demoFaults.js';
import { demoScenario } from '../src/demo/demoScenarios.js';
import { describeFaults, withFaultChecks } from '../src/demo/faultChecks.js';
import type { FleetCloud } from '../src/local/FleetCloud.js';
import { runCommand } from './support/runCommand.js';

const repoRoot = path.join(__dirname, '..', '..', '..');

const scenario = (name: string) => {
  const found = demoScenario(name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
};

/** What the fleet did, as the checks read it: by default a loop with one of everything. */
type Seen = {
  slackBodies?: Record<string, unknown>[];
  pagerDutyBodies?: string[];
  decided?: string[];
  deployments?: { correlationId: string; decision: string; modelPackageArn: string }[];
  deadLetters?: { message: string }[];
  unhandled?: boolean;
};

const fakeFleet = (seen: Seen = {}): FleetCloud => {
  const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/e1';
  const event = (type: string, detail: Record<string, unknown>) => ({
    event: { 'detail-type': type, detail },
  });
  const cloud = {
    faultSummary: () => ({ seed: 4, rate: 0.1, maxConsecutive: 3, calls: 100, faults: 9, services: {} }),
    events: () => [
      event('Retraining Started', { executionArn }),
      ...(seen.decided ?? ['ap-1']).map((approvalId) => event('Approval Decided', { approvalId })),
    ],
    executions: () => [{ pipelineExecutionArn: executionArn }],
    invocations: () => [
      { deployedName: 'validate', trigger: { eventId: 'ev-1' }, outcome: 'error' },
      { deployedName: 'validate', trigger: { eventId: 'ev-1' }, outcome: seen.unhandled ? 'error' : 'success' },
    ],
    deadLetters: () =>
      (seen.deadLetters ?? []).map((letter) => ({
        functionName: 'slackDelivery',
        deployedName: 'notify-slackDelivery',
        trigger: { eventId: 'ev-2', detailType: 'Drift Detected' },
        error: { name: 'Error', message: letter.message },
        attempts: 3,
      })),
    bus: { failedDeliveries: [] },
  };
  const records = [
    { pk: 'PIPELINE#churn-retrain', sk: '2025#trigger#t1', kind: 'trigger', decision: 'started', executionArn },
    {
      pk: 'MODEL#churn',
      sk: '2025#approval#ap-1',
      kind: 'approval',
      id: 'ap-1',
      correlationId: 'c1',
      decision: 'approved',
    },
    { pk: 'APPROVAL#ap-1', sk: 'request', kind: 'approval', id: 'ap-1' },
    ...(seen.deployments ?? [{ correlationId: 'c1', decision: 'deployed', modelPackageArn: 'churn/1' }]).map(
      (deployment, index) => ({
        pk: 'MODEL#churn',
        sk: `2025#deployment#d${index}`,
        kind: 'deployment',
        ...deployment,
      }),
    ),
  ];
  return {
    cloud,
    records: async () => records,
    slack: {
      calls: () =>
        (seen.slackBodies ?? [{ channel: 'C1', text: 'approval' }]).map((body) => ({
          method: 'chat.postMessage',
          status: 200,
          response: { ok: true },
          body,
        })),
    },
    pagerDuty: {
      events: () =>
        (seen.pagerDutyBodies ?? ['{"event_action":"trigger"}']).map((rawBody) => ({ rawBody, status: 202 })),
    },
  } as unknown as FleetCloud;
};

const storyReport: DemoReport = {
  ok: false,
  reason: 'no dead letters: slackDelivery: boom',
  checks: [
    { name: 'dataset validated', ok: true, detail: '8000 rows' },
    { name: 'no dead letters', ok: false, detail: 'slackDelivery: boom' },
  ],
} as DemoReport;

const failedChecks = (report: DemoReport) => report.checks.filter((check) => !check.ok).map((check) => check.name);

describe('faultOptions', () => {
  it('gives the faults scenario its seed (default 1) and the others none', () => {
    expect(faultOptions(scenario('faults'), undefined)).toEqual({ faults: { seed: 1 } });
    expect(faultOptions(scenario('faults'), '17')).toEqual({ faults: { seed: 17 } });
    expect(faultOptions(scenario('approve'), undefined)).toEqual({});
  });

  it('says what is wrong with a seed that is not a whole number or given to another scenario', () => {
    expect(faultOptions(scenario('faults'), '1.5')).toBe('--seed must be a whole number, not "1.5"');
    expect(faultOptions(scenario('approve'), '3')).toBe('--seed 3 only applies to --scenario faults, not approve');
  });
});

describe('fleet demo --seed', () => {
  it('exits 2 with a clear message when --seed is given without --scenario faults', async () => {
    // Act
    const { code, stdout, stderr } = await runCommand(['demo', '--seed', '3'], repoRoot);

    // Assess
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('fleet demo: --seed 3 only applies to --scenario faults, not approve');
  });

  it('names the faults scenario in --list', async () => {
    // Act
    const { code, stdout } = await runCommand(['demo', '--list'], repoRoot);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/^faults {6}as approve, with every service failing 10 % of calls/m);
  });
});

describe('clickUntilAnswered', () => {
  const answer = (status: number) => ({ status }) as SlackInteractionResult;

  it('clicks again after a throttle or a server error, and stops at the first answer', async () => {
    // Prepare
    const statuses = [503, 429, 200, 200];
    let clicks = 0;

    // Act
    const result = await clickUntilAnswered(async () => answer(statuses[clicks++]));

    // Assess
    expect(result.status).toBe(200);
    expect(clicks).toBe(3);
  });

  it('gives up after DRIVER_MAX_ATTEMPTS clicks and never repeats a click refused for good', async () => {
    // Prepare
    let clicks = 0;
    let refused = 0;

    // Act
    const throttled = await clickUntilAnswered(async () => {
      clicks += 1;
      return answer(429);
    });
    const forbidden = await clickUntilAnswered(async () => {
      refused += 1;
      return answer(401);
    });

    // Assess
    expect([throttled.status, clicks]).toEqual([429, DRIVER_MAX_ATTEMPTS]);
    expect([forbidden.status, refused]).toEqual([401, 1]);
  });
});

describe('withFaultChecks', () => {
  it('holds when the loop did one of everything, judging dead letters by their records instead of their absence', async () => {
    // Act
    const report = await withFaultChecks(
      fakeFleet({ deadLetters: [{ message: 'slack chat.postMessage: HTTP 503' }] }),
      {
        ...storyReport,
        checks: [storyReport.checks[0]],
      },
    );

    // Assess
    expect(failedChecks(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.reason).toBeUndefined();
    expect(report.faults).toMatchObject({
      seed: 4,
      faults: 9,
      deadLetters: [{ functionName: 'slackDelivery', attempts: 3 }],
    });
    expect(report.checks.map((check) => check.name)).not.toContain('no dead letters');
  });

  it.each<[string, Seen, string]>([
    ['a Slack message posted twice', { slackBodies: [{ text: 'a' }, { text: 'a' }] }, 'no duplicate Slack message'],
    ['a PagerDuty event sent twice', { pagerDutyBodies: ['{"a":1}', '{"a":1}'] }, 'no duplicate PagerDuty event'],
    ['an approval decided twice', { decided: ['ap-1', 'ap-1'] }, 'one decision per approval'],
    [
      'an approval deployed twice',
      {
        deployments: [
          { correlationId: 'c1', decision: 'deployed', modelPackageArn: 'churn/1' },
          { correlationId: 'c1', decision: 'deployed', modelPackageArn: 'churn/1' },
        ],
      },
      'one deployment per approval',
    ],
    ['an approved package never deployed', { deployments: [] }, 'one deployment per approval'],
    [
      'an event neither handled nor dead-lettered',
      { unhandled: true },
      'every event handled or dead-lettered with a record',
    ],
  ])('fails on %s', async (_, seen, check) => {
    // Act
    const report = await withFaultChecks(fakeFleet(seen), { ...storyReport, checks: [storyReport.checks[0]] });

    // Assess
    expect(failedChecks(report)).toEqual([check]);
    expect(report.ok).toBe(false);
    expect(report.reason).toMatch(new RegExp(`^${check}: `));
  });

  it('fails when a check of the story failed', async () => {
    // Act
    const report = await withFaultChecks(fakeFleet(), {
      ...storyReport,
      checks: [{ name: 'dataset validated', ok: false, detail: 'no Dataset Validated' }],
    });

    // Assess
    expect(failedChecks(report)).toEqual(['dataset validated', 'loop completed under faults']);
    expect(report.reason).toBe('dataset validated: no Dataset Validated');
  });
});

describe('describeFaults', () => {
  it('writes one line per service called, its faults by code, and every dead letter with why', () => {
    // Act
    const lines = describeFaults({
      seed: 2,
      rate: 0.1,
      maxConsecutive: 3,
      calls: 120,
      faults: 11,
      services: {
        dynamodb: { calls: 100, faults: 10, byCode: { ThrottlingException: 6, InternalServerError: 4 } },
        'httpapi-fleet-approval-callback': { calls: 20, faults: 1, byCode: { TooManyRequests: 1 } },
        unused: { calls: 0, faults: 0, byCode: {} },
      },
      deadLetters: [
        { functionName: 'slackDelivery', detailType: 'Drift Detected', error: 'Error: HTTP 503', attempts: 3 },
      ],
      failedDeliveries: [],
    });

    // Assess
    expect(lines).toEqual([
      'Faults injected (seed 2, rate 0.1, at most 3 in a row per request): 11 of 120 calls',
      '   dynamodb                          10 of   100  ThrottlingException 6, InternalServerError 4',
      '   httpapi-fleet-approval-callback    1 of    20  TooManyRequests 1',
      '   dead letter: slackDelivery (Drift Detected): Error: HTTP 503',
    ]);
  });
});
