import { execFileSync } from 'node:child_process';
import {
  connectOutcome,
  type FleetLocalProcess,
  forceStop,
  repoRoot,
  startFleetLocal,
  stopWithin,
} from './support/fleetLocalProcess.js';
import { runCommand } from './support/runCommand.js';

const READY_TIMEOUT_MS = 90_000;
const STOP_BUDGET_MS = 5_000;
const READY_MARKER = 'Stop with Ctrl-C';

const runInProcess = (args: string[]) => runCommand(['local', ...args], repoRoot);

describe('fleet local usage', () => {
  it('prints its usage and exits 0 with --help', async () => {
    // Act
    const { code, stdout } = await runInProcess(['--help']);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: fleet local \[--json\]/);
  });

  it('exits 2 without starting anything when --verbose comes with --json', async () => {
    // Act
    const { code, stdout, stderr } = await runInProcess(['--json', '--verbose']);

    // Assess
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--verbose cannot be combined with --json');
  });

  it('exits 2 on an unknown option', async () => {
    // Act
    const { code, stderr } = await runInProcess(['--port', '4566']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--port'");
  });
});

describe('fleet local (text)', () => {
  let local: FleetLocalProcess;
  let text: string;
  let processIds: number[] = [];

  beforeAll(async () => {
    local = startFleetLocal([]);
    text = await local.waitForStdout(READY_MARKER, READY_TIMEOUT_MS);
    processIds = local.processIds();
  }, READY_TIMEOUT_MS + 5_000);

  afterAll(() => {
    forceStop(local, processIds);
  });

  it('prints export lines that a shell can eval into the client environment', () => {
    // Prepare
    const exports = text.split('\n').filter((row) => row.startsWith('export '));

    // Act
    const shellEnvironment = execFileSync('sh', ['-c', `${exports.join('\n')}\nenv`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });

    // Assess
    const variables = Object.fromEntries(
      shellEnvironment
        .split('\n')
        .filter((row) => row.startsWith('AWS_'))
        .map((row) => [row.slice(0, row.indexOf('=')), row.slice(row.indexOf('=') + 1)]),
    );
    expect(variables).toMatchObject({
      AWS_ENDPOINT_URL_DYNAMODB: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_ENDPOINT_URL_S3: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_ENDPOINT_URL_EVENTBRIDGE: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_ENDPOINT_URL_SCHEDULER: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_ENDPOINT_URL_SAGEMAKER: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_ENDPOINT_URL_SNS: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_ENDPOINT_URL_SSM: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: expect.stringMatching(/^[a-z]{2}-[a-z]+-\d$/),
    });
    expect(text).toContain(`aws --endpoint-url ${variables.AWS_ENDPOINT_URL_SAGEMAKER} sagemaker list-pipelines`);
  });

  it('names the records table, the data bucket and the event bus', () => {
    // Assess
    expect(text).toMatch(/^ {2}records table +fleet-local-records$/m);
    expect(text).toMatch(/^ {2}data bucket +fleet-local-data-\d{12}-[a-z]{2}-[a-z]+-\d$/m);
    expect(text).toMatch(/^ {2}event bus +fleet-local$/m);
  });

  it(`exits 0 within ${STOP_BUDGET_MS / 1000} s of SIGINT (Ctrl-C) and closes every endpoint`, async () => {
    // Prepare
    const endpoints = [...text.matchAll(/^export AWS_ENDPOINT_URL_[A-Z0-9_]+='([^']+)'$/gm)].map((match) => match[1]);
    expect(endpoints.length).toBeGreaterThanOrEqual(7);
    const started = Date.now();

    // Act
    const outcome = await stopWithin(local, 'SIGINT', STOP_BUDGET_MS);

    // Assess
    expect(outcome).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(STOP_BUDGET_MS);
    expect(await Promise.all(endpoints.map(connectOutcome))).toEqual(endpoints.map(() => 'ECONNREFUSED'));
    expect(local.stderr()).toContain('fleet local: SIGINT received');
  });
});
