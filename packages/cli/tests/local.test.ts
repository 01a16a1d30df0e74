import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadFleetConfig } from '@fleet/shared';
import type { LocalReadyLine } from '../src/commands/local.js';
import { fleetPipelineDefinitions } from '../src/local/index.js';
import {
  connectOutcome,
  type FleetLocalProcess,
  forceStop,
  isRunning,
  repoRoot,
  startFleetLocal,
  stopWithin,
} from './support/fleetLocalProcess.js';

const READY_TIMEOUT_MS = 90_000;
const STOP_BUDGET_MS = 5_000;

/**
 * The AWS CLI to run: FLEET_AWS_CLI, else Debian's (/usr/bin/aws, 2.9, what CI installs and the
 * oldest client this must serve: it reads only --endpoint-url), else `aws` on PATH.
 */
const findAwsCli = (): string | undefined => {
  const candidates = process.env.FLEET_AWS_CLI
    ? [process.env.FLEET_AWS_CLI]
    : ['/usr/bin/aws', ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'aws'))];
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
};

const awsCli = findAwsCli();
if (awsCli === undefined) {
  console.warn(
    'Skipping the AWS CLI checks of fleet local: no AWS CLI (FLEET_AWS_CLI, /usr/bin/aws or `aws` on PATH). ' +
      'Install it with `apt-get install -y awscli` ' +
      '(scripts/ci-system-deps.sh does in CI) or set FLEET_AWS_CLI.',
  );
}

/** The pipelines the repository's configuration names: what the local SageMaker is seeded with. */
const configuredPipelines = fleetPipelineDefinitions(
  loadFleetConfig({ file: path.join(repoRoot, 'fleet.config.yaml'), stage: 'local' }),
).map((definition) => definition.name);

describe('fleet local --json', () => {
  let local: FleetLocalProcess;
  let line: LocalReadyLine;
  let stdoutAtReady: string;
  let processIds: number[] = [];

  beforeAll(async () => {
    local = startFleetLocal(['--json']);
    stdoutAtReady = await local.waitForStdout('\n', READY_TIMEOUT_MS);
    line = JSON.parse(stdoutAtReady);
    processIds = local.processIds();
  }, READY_TIMEOUT_MS + 5_000);

  afterAll(() => {
    forceStop(local, processIds);
  });

  /** Runs the AWS CLI with only the line's environment for AWS (no profile, no other credentials). */
  const aws = async (service: keyof LocalReadyLine['endpoints'], args: string[]) => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    return promisify(execFile)(
      awsCli as string,
      ['--endpoint-url', line.endpoints[service], '--output', 'json', ...args],
      {
        env: { ...inherited, ...line.env, AWS_PAGER: '', AWS_CONFIG_FILE: '/dev/null' },
        timeout: 60_000,
      },
    );
  };

  it('prints exactly one line of JSON: region, account, stage, endpoints, env, resources, http and secrets', () => {
    // Assess
    expect(stdoutAtReady.endsWith('\n')).toBe(true);
    expect(stdoutAtReady.split('\n')).toHaveLength(2);
    expect(Object.keys(line)).toEqual([
      'region',
      'accountId',
      'stage',
      'endpoints',
      'env',
      'resources',
      'http',
      'secrets',
    ]);
    expect(line.stage).toBe('local');
    expect(line.region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
    expect(line.accountId).toMatch(/^\d{12}$/);
    // At least these; each further stand-in with an SDK endpoint (CloudWatch, ...) adds its own.
    const services = ['dynamodb', 'eventbridge', 'lambda', 's3', 'sagemaker', 'scheduler', 'sfn', 'sns', 'sqs', 'ssm'];
    expect(Object.keys(line.endpoints)).toEqual(expect.arrayContaining(services));
    for (const service of Object.keys(line.endpoints)) expect(service).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const endpoint of Object.values(line.endpoints)) expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(Object.values(line.endpoints)).size).toBe(Object.keys(line.endpoints).length);
    expect(line.resources).toEqual({
      recordsTable: expect.stringContaining('local'),
      dataBucket: expect.stringContaining('local'),
      eventBus: expect.stringContaining('local'),
    });
  });

  it('gives a local value for every secret and PagerDuty routing key the configuration names', () => {
    // Prepare
    const { secrets, models } = loadFleetConfig({ file: path.join(repoRoot, 'fleet.config.yaml'), stage: 'local' });
    const routingKeys = Object.values(models).flatMap((model) => Object.values(model.routing.pagerduty ?? {}));

    // Assess
    expect(Object.keys(line.secrets).sort()).toEqual(
      [secrets.slackSigningSecret, secrets.slackBotToken, ...routingKeys].filter(Boolean).sort(),
    );
    expect(line.secrets[secrets.slackSigningSecret as string]).toMatch(/^[0-9a-f]{32}$/);
    expect(line.secrets[secrets.slackBotToken as string]).toMatch(/^xoxb-\d+-\d+-[A-Za-z0-9]+$/);
    expect(routingKeys.length).toBeGreaterThan(0);
    for (const name of routingKeys) expect(line.secrets[name]).toHaveLength(32);
  });

  it('lists the URLs of the HTTP API routes the stacks declare', () => {
    // Prepare
    const servicesDir = path.join(repoRoot, 'services');
    const slackRoute = readdirSync(servicesDir).some((service) => {
      const file = path.join(servicesDir, service, 'serverless.yml');
      return existsSync(file) && readFileSync(file, 'utf8').includes('/slack/interactions');
    });

    // Assess
    for (const url of Object.values(line.http)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+(\/|$)/);
    if (slackRoute) expect(line.http.slackInteractions).toMatch(/\/slack\/interactions$/);
    else expect(line.http.slackInteractions).toBeUndefined();
  });

  it('serves Slack and PagerDuty under http.slack and http.pagerduty, with the local bot token and routing keys', async () => {
    // Prepare
    const { secrets, models } = loadFleetConfig({ file: path.join(repoRoot, 'fleet.config.yaml'), stage: 'local' });
    const routingKey = line.secrets[Object.values(models.churn.routing.pagerduty ?? {})[0] as string];

    // Act
    const slack = await fetch(`${line.http.slack}/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${line.secrets[secrets.slackBotToken as string]}` },
    });
    const pagerDuty = await fetch(`${line.http.pagerduty}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        routing_key: routingKey,
        event_action: 'trigger',
        payload: { summary: 'fleet local test page', source: 'fleet-local', severity: 'error' },
      }),
    });

    // Assess
    expect(line.http.slack).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(line.http.pagerduty).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await slack.json()).toMatchObject({ ok: true });
    expect(pagerDuty.status).toBe(202);
  });

  it('gives an env that is enough for a client: AWS_ENDPOINT_URL_<SERVICE> of every endpoint, credentials, region', () => {
    // Assess
    for (const [service, endpoint] of Object.entries(line.endpoints)) {
      expect(line.env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`]).toBe(endpoint);
    }
    // s3rver accepts only S3RVER/S3RVER; the other stand-ins accept any credentials.
    expect(line.env.AWS_ACCESS_KEY_ID).toBe('S3RVER');
    expect(line.env.AWS_SECRET_ACCESS_KEY).toBe('S3RVER');
    expect(line.env.AWS_REGION).toBe(line.region);
  });

  it('writes nothing else on stdout while serving', () => {
    // Assess
    expect(local.stdout()).toBe(stdoutAtReady);
  });

  (awsCli === undefined ? describe.skip : describe)(
    'the AWS CLI with --endpoint-url and the printed environment',
    () => {
      it('lists the configured pipelines with sagemaker list-pipelines', async () => {
        // Act
        const { stdout } = await aws('sagemaker', ['sagemaker', 'list-pipelines']);

        // Assess
        const names = JSON.parse(stdout).PipelineSummaries.map(
          (summary: { PipelineName: string }) => summary.PipelineName,
        );
        expect(configuredPipelines.length).toBeGreaterThan(0);
        expect(names.sort()).toEqual([...configuredPipelines].sort());
      });

      it('describes a configured pipeline with sagemaker describe-pipeline', async () => {
        // Act
        const { stdout } = await aws('sagemaker', [
          'sagemaker',
          'describe-pipeline',
          '--pipeline-name',
          configuredPipelines[0],
        ]);

        // Assess
        const pipeline = JSON.parse(stdout);
        expect(pipeline.PipelineName).toBe(configuredPipelines[0]);
        expect(pipeline.PipelineArn).toBe(
          `arn:aws:sagemaker:${line.region}:${line.accountId}:pipeline/${configuredPipelines[0].toLowerCase()}`,
        );
        expect(pipeline.PipelineStatus).toBe('Active');
      });

      it('lists an execution it started with sagemaker list-pipeline-executions', async () => {
        // Prepare
        const { stdout: started } = await aws('sagemaker', [
          'sagemaker',
          'start-pipeline-execution',
          '--pipeline-name',
          configuredPipelines[0],
          '--client-request-token',
          'fleet-local-test-aws-cli-0000000000',
        ]);
        const { PipelineExecutionArn } = JSON.parse(started);

        // Act
        const { stdout } = await aws('sagemaker', [
          'sagemaker',
          'list-pipeline-executions',
          '--pipeline-name',
          configuredPipelines[0],
        ]);

        // Assess
        expect(JSON.parse(stdout).PipelineExecutionSummaries).toEqual([
          expect.objectContaining({ PipelineExecutionArn, PipelineExecutionStatus: 'Executing' }),
        ]);
      });

      it('puts an event on the fleet bus with events put-events', async () => {
        // Prepare
        const entries = [
          {
            Source: 'fleet.local-test',
            DetailType: 'Ping',
            Detail: '{"from":"aws-cli"}',
            EventBusName: line.resources.eventBus,
          },
        ];

        // Act
        const { stdout } = await aws('eventbridge', ['events', 'put-events', '--entries', JSON.stringify(entries)]);

        // Assess
        const output = JSON.parse(stdout);
        expect(output.FailedEntryCount).toBe(0);
        expect(output.Entries).toEqual([{ EventId: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
      });

      it('lists the schedule group of the stacks with scheduler list-schedule-groups', async () => {
        // Act
        const { stdout } = await aws('scheduler', ['scheduler', 'list-schedule-groups']);

        // Assess
        const names = JSON.parse(stdout).ScheduleGroups.map((group: { Name: string }) => group.Name);
        // services/trigger-retraining/serverless.yml declares this AWS::Scheduler::ScheduleGroup.
        expect(names).toEqual(expect.arrayContaining(['default', `fleet-trigger-retraining-${line.stage}`]));
      });

      it('lists a schedule it created with scheduler list-schedules', async () => {
        // Prepare: a one-time schedule far in the future, so it never fires while the test runs.
        const group = `fleet-trigger-retraining-${line.stage}`;
        await aws('scheduler', [
          'scheduler',
          'create-schedule',
          '--name',
          'fleet-local-test',
          '--group-name',
          group,
          '--schedule-expression',
          'at(2099-01-01T00:00:00)',
          '--flexible-time-window',
          'Mode=OFF',
          '--target',
          JSON.stringify({
            Arn: `arn:aws:lambda:${line.region}:${line.accountId}:function:fleet-local-test`,
            RoleArn: `arn:aws:iam::${line.accountId}:role/fleet-local-test`,
          }),
        ]);

        // Act
        const { stdout } = await aws('scheduler', ['scheduler', 'list-schedules', '--group-name', group]);

        // Assess
        expect(JSON.parse(stdout).Schedules).toEqual([
          expect.objectContaining({ Name: 'fleet-local-test', GroupName: group, State: 'ENABLED' }),
        ]);
      });

      it('reads a local secret with ssm get-parameter --with-decryption', async () => {
        // Prepare
        const [name, value] = Object.entries(line.secrets)[0];

        // Act
        const { stdout } = await aws('ssm', ['ssm', 'get-parameter', '--name', name, '--with-decryption']);

        // Assess
        expect(JSON.parse(stdout).Parameter).toMatchObject({ Name: name, Type: 'SecureString', Value: value });
      });

      it('lists the topics of the stacks with sns list-topics', async () => {
        // Act
        const { stdout } = await aws('sns', ['sns', 'list-topics']);

        // Assess
        expect(JSON.parse(stdout)).toEqual({ Topics: expect.any(Array) });
      });

      it('lists the records table with dynamodb list-tables', async () => {
        // Act
        const { stdout } = await aws('dynamodb', ['dynamodb', 'list-tables']);

        // Assess
        expect(JSON.parse(stdout).TableNames).toContain(line.resources.recordsTable);
      });

      it('lists the data bucket with s3 ls', async () => {
        // Act
        const { stdout } = await aws('s3', ['s3', 'ls']);

        // Assess
        expect(stdout.split('\n').map((row) => row.split(' ').pop())).toContain(line.resources.dataBucket);
      });
    },
  );

  it(`exits 0 within ${STOP_BUDGET_MS / 1000} s of SIGTERM, its command process gone and every endpoint closed`, async () => {
    // Prepare
    expect(processIds.length).toBeGreaterThanOrEqual(2);
    const started = Date.now();

    // Act
    const outcome = await stopWithin(local, 'SIGTERM', STOP_BUDGET_MS);

    // Assess
    expect(outcome).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(STOP_BUDGET_MS);
    expect(processIds.filter(isRunning)).toEqual([]);
    const refused = await Promise.all(Object.values(line.endpoints).map(connectOutcome));
    expect(refused).toEqual(Object.values(line.endpoints).map(() => 'ECONNREFUSED'));
    expect(local.stderr()).toContain('fleet local: stopped');
  });
});
