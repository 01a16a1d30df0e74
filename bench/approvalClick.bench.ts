/**
 * Benchmark: the Slack click round trip of an approval on the local cloud, warm.
 *
 * Run from the repository root: `pnpm exec tsx bench/approvalClick.bench.ts [--clicks 200] [--append]`.
 *
 * The fleet starts on the local cloud (`startFleetCloud`, every stack); a churn dataset lands and
 * its run registers a package, whose approval is clicked once to warm every function up. Then,
 * each measured the same way (from sending the signed `block_actions` POST to the fleet's
 * interactivity URL, as the Slack stand-in sends it, to the HTTP answer; the function's reply to
 * `response_url` happens before it answers, so it is inside the time):
 *
 * - decide: `--clicks` distinct approvals, one Approve click each: a new package is registered
 *   (CreateModelPackage on the Model Registry stand-in), its approval runs to the Slack request,
 *   then the click decides it (the lease, SendTaskSuccess, the reply);
 * - already decided: `--clicks` repeated clicks on the last, decided approval;
 * - peer, forged: `--clicks` clicks signed with a wrong secret, answered 401 by the signature
 *   check before anything is read: the floor of the HTTP API stand-in, the Lambda invocation and
 *   the check, which every click pays.
 *
 * Target: p99 under 300 ms (Slack wants the answer within 3 s). Prints the table; with
 * `--append`, appends it as a section to bench/RESULTS.md.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FleetCloud } from '../packages/cli/src/local/index.js';
import { startFleetCloud } from '../packages/cli/src/local/index.js';
import type { SlackInteractionResult, StoredSlackMessage } from '../packages/local-cloud/src/index.js';

const root = resolve(__dirname, '..');
const CHANNEL = 'C0FLEETML';
const APPROVER = { id: 'U0FLEETAPPROVER', username: 'ana' };
const TARGET_P99_MS = 300;

const { values: options } = parseArgs({
  options: {
    clicks: { type: 'string', default: '200' },
    append: { type: 'boolean', default: false },
  },
});
const clicks = Number(options.clicks);
if (!Number.isInteger(clicks) || clicks < 1)
  throw new Error(`--clicks must be a positive whole number, got ${options.clicks}`);

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

type Row = { name: string; kind: string; times: number[]; statuses: Record<string, number> };

const summarize = (row: Row) => {
  const sorted = [...row.times].sort((a, b) => a - b);
  return {
    ...row,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
};

const approveValue = (message: StoredSlackMessage): string | undefined =>
  (message.blocks ?? [])
    .flatMap(
      (block) => ((block as { elements?: unknown[] }).elements ?? []) as { action_id?: string; value?: string }[],
    )
    .find((element) => element.action_id === 'approve')?.value;

/** Sends one click and times the round trip to the HTTP answer. */
const timedClick = async (
  fleet: FleetCloud,
  approvalId: string,
  signingSecret = fleet.slack.signingSecret,
): Promise<{ ms: number; result: SlackInteractionResult }> => {
  const started = performance.now();
  const result = await fleet.slack.sendBlockAction({
    url: fleet.http.slackInteractions,
    signingSecret,
    user: APPROVER,
    actionId: 'approve',
    value: approvalId,
    channel: { id: CHANNEL },
  });
  return { ms: performance.now() - started, result };
};

const record = (row: Row, ms: number, status: number) => {
  row.times.push(ms);
  row.statuses[String(status)] = (row.statuses[String(status)] ?? 0) + 1;
};

const main = async () => {
  const fleet = await startFleetCloud({ rootDir: root });
  const { cloud } = fleet;
  try {
    // A first run and its package, approved once: every function on the path is warm after it.
    await cloud.land('raw/churn/2025-06-02.csv', readFileSync(resolve(root, 'examples/datasets/churn_baseline.csv')));
    await cloud.tick(fleet.config.pipelines['churn-retrain'].guards.debounceSeconds * 1000 + 5000);
    while (cloud.executions().length === 0 || cloud.executions().some((run) => run.status === 'Executing')) {
      const next = cloud.clock.nextAt();
      if (next === undefined) throw new Error('the pipeline run did not start or end');
      await cloud.tick(next.getTime() - cloud.clock.nowMs());
    }
    const [first] = cloud.sageMaker.registry.packages();
    if (first === undefined) throw new Error('the run registered no package');
    const [message] = fleet.slack.messages(CHANNEL);
    const firstApproval = message === undefined ? undefined : approveValue(message);
    if (firstApproval === undefined) throw new Error('notify posted no approval request with an Approve button');
    const warm = await timedClick(fleet, firstApproval);
    await cloud.settle();
    if (warm.result.status !== 200) throw new Error(`the warm-up click was answered ${warm.result.status}`);

    const decide: Row = {
      name: 'decide',
      kind: `${clicks} distinct approvals, one Approve click each`,
      times: [],
      statuses: {},
    };
    let last = firstApproval;
    for (let n = 0; n < clicks; n++) {
      await cloud.tick('1m');
      cloud.sageMaker.registry.handle('CreateModelPackage', {
        ModelPackageGroupName: first.modelPackageGroupName,
        ModelPackageDescription: `bench package ${n + 2}`,
        ModelApprovalStatus: 'PendingManualApproval',
        InferenceSpecification: {
          Containers: [
            { Image: 'bench', ModelDataUrl: `s3://${fleet.resources.dataBucket}/models/bench/${n}/model.tar.gz` },
          ],
          SupportedContentTypes: ['text/csv'],
          SupportedResponseMIMETypes: ['text/csv'],
        },
        ...(first.generatedBy === undefined ? {} : { MetadataProperties: { GeneratedBy: first.generatedBy } }),
        ModelMetrics: {
          ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: first.statisticsS3Uri } },
        },
      });
      await cloud.settle();
      const requested = cloud
        .events()
        .map((entry) => entry.event)
        .filter((event) => event['detail-type'] === 'Approval Requested')
        .map((event) => event.detail as { approvalId: string; modelPackageVersion: number });
      const current = requested[requested.length - 1];
      if (current === undefined || current.approvalId === last) {
        throw new Error(`package ${n + 2} was not put to the approvers`);
      }
      last = current.approvalId;
      const { ms, result } = await timedClick(fleet, last);
      record(decide, ms, result.status);
      await cloud.settle();
      if (
        !fleet.slack.responses(result.responseUrl).some((post) => String(post.body?.text).startsWith('You approved'))
      ) {
        throw new Error(`the click on approval ${last} did not decide it`);
      }
    }

    const already: Row = {
      name: 'already decided',
      kind: `${clicks} repeated clicks on one decided approval`,
      times: [],
      statuses: {},
    };
    for (let n = 0; n < clicks; n++) {
      if (n % 50 === 0) await cloud.tick('1s');
      const { ms, result } = await timedClick(fleet, last);
      record(already, ms, result.status);
    }

    const forged: Row = {
      name: 'peer: forged click (401)',
      kind: `${clicks} clicks signed with a wrong secret`,
      times: [],
      statuses: {},
    };
    for (let n = 0; n < clicks; n++) {
      if (n % 50 === 0) await cloud.tick('1s');
      const { ms, result } = await timedClick(fleet, last, 'wrong0signing0secret000000000000');
      record(forged, ms, result.status);
    }
    await cloud.settle();

    const rows = [decide, already, forged].map(summarize);
    const dead = cloud.deadLetters().length;
    const fmt = (ms: number) => ms.toFixed(1);
    const table = [
      '| click | what | answers | p50 ms | p99 ms | max ms | target p99 < 300 ms |',
      '| --- | --- | --- | ---: | ---: | ---: | --- |',
      ...rows.map(
        (row) =>
          `| ${row.name} | ${row.kind} | ${Object.entries(row.statuses)
            .map(([status, count]) => `${count} × ${status}`)
            .join(', ')} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${fmt(row.max)} | ${
            row.name.startsWith('peer') ? '' : row.p99 < TARGET_P99_MS ? 'ok' : 'FAIL'
          } |`,
      ),
    ].join('\n');
    // The local cloud's clock holds `Date.now()`; an explicit time is the wall clock's.
    const wallClock = new Date(performance.timeOrigin + performance.now());
    const section = [
      '## approval: Slack click round trip on the local cloud',
      '',
      `Command: \`pnpm exec tsx bench/approvalClick.bench.ts --clicks ${clicks}${options.append ? ' --append' : ''}\` ` +
        `(${wallClock.toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
        `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}).`,
      '',
      'Each click is a signed `block_actions` POST (the Slack stand-in signs it as Slack does) to the',
      "fleet's interactivity URL on the local HTTP API, timed from sending to the HTTP answer; the",
      "function's ephemeral reply to `response_url` happens before it answers. All functions warm (a",
      'first approval was clicked before measuring). "decide" clicks distinct approvals, one each:',
      'a new package is registered, its approval runs to the Slack request, then the click takes the',
      'decision lease, calls SendTaskSuccess and replies. "already decided" repeats clicks on the last',
      'decided approval. The peer is a forged click on the same route, answered 401 by the signature',
      'check before anything is read: the floor every click pays (HTTP API, Lambda invocation, the',
      `signing secret from the cached parameter, the HMAC). Dead letters during the run: ${dead}.`,
      '',
      table,
      '',
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (options.append) appendFileSync(resolve(root, 'bench/RESULTS.md'), `\n${section}`);
  } finally {
    await fleet.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`approvalClick.bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
