/**
 * Benchmark: one drift window of a million captured predictions, checked end to end in one process.
 *
 * Run from the repository root: `pnpm exec tsx bench/driftWindow.bench.ts [--records 1000000] [--files-per-hour 4]`.
 * Starts s3rver, writes the records in Data Capture's JSON Lines format (CSV payloads in the
 * churn layout, rows of examples/datasets/churn_baseline.csv in turn) under 24 hour prefixes
 * `capture/churn/AllTraffic/yyyy/mm/dd/hh/`, and the baseline CSV; then a child process runs the
 * service's own use case (`checkDrift` with its S3 adapter over HTTP to s3rver, the churn
 * settings of fleet.config.yaml with the default maxRows 200,000) and reports its wall time,
 * records per second and peak RSS (`process.resourceUsage().maxRSS`). Targets: under 20 s and
 * under 512 MB. The peer, in the same child after the check: the same objects listed and downloaded
 * over the same SDK client without decoding. The phases are timed from the object store (see
 * `PhaseClock`). `--profile <dir>` writes a CPU profile of the check; `--max-rows` overrides the
 * sample cap; `--no-write` only prints. Rewrites the "## drift monitor: one window of a million
 * records" section of bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startS3 } from '../packages/emulators/src/index.js';
import { s3ClientConfig } from '../packages/shared/src/index.js';
import { checkDependencies } from '../services/drift-monitor/src/adapters/dependencies/checkDependencies.js';
import { S3ObjectStore } from '../services/drift-monitor/src/adapters/S3ObjectStore.js';
import { checkDrift } from '../services/drift-monitor/src/app/checkDrift.js';
import { benchPorts, churnCaptureLine, exampleRows } from './driftBenchSupport.js';
import { PhaseClock } from './driftWindowPhases.js';
import { writeResultsSection } from './writeResultsSection.js';

const root = resolve(__dirname, '..');
const SECTION = '## drift monitor: one window of a million records';
const BUCKET = 'bench-capture';
const WINDOW_START = Date.parse('2026-03-01T00:00:00Z');
const TICK = new Date('2026-03-02T00:10:00Z');

const { values: options } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    'files-per-hour': { type: 'string', default: '4' },
    check: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    /** A directory for a CPU profile of the check (node --cpu-prof). */
    profile: { type: 'string' },
    /** Overrides the churn model's maxRows (to study the sampled regime on fewer records). */
    'max-rows': { type: 'string' },
  },
});

const pad = (n: number) => String(n).padStart(2, '0');

/** Runs a child to its end without blocking this process's event loop; its status and output. */
const runChild = (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });

/**
 * The peer: the same objects listed and downloaded over the same client, their bytes counted
 * and dropped (no decoding, no parsing), one GET at a time as the check reads them.
 */
const downloadOnly = async (bucket: string) => {
  // The service's own SDK (the repository root does not depend on it), configured as the check's.
  const sdk = createRequire(resolve(root, 'services/drift-monitor/package.json'))(
    '@aws-sdk/client-s3',
  ) as typeof import('../services/drift-monitor/node_modules/@aws-sdk/client-s3');
  const { GetObjectCommand, ListObjectsV2Command, S3Client } = sdk;
  const client = new S3Client(s3ClientConfig(process.env));
  const started = performance.now();
  let bytes = 0;
  let objects = 0;
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'capture/', ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      const body = (await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key })))
        .Body as AsyncIterable<Uint8Array>;
      for await (const chunk of body) bytes += chunk.byteLength;
      objects++;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return { seconds: (performance.now() - started) / 1000, bytes, objects };
};

/**
 * The child: one check with the function's own dependency factory (its S3 client pointed at the
 * parent's s3rver by `AWS_ENDPOINT_URL_S3`), records and events in memory; prints its figures.
 */
const check = async () => {
  const dependencies = checkDependencies(process.env);
  const churn = dependencies.settings.get('churn');
  if (churn === undefined) throw new Error('fleet.config.yaml monitors no churn model');
  const settings = {
    ...churn,
    baseline: { kind: 'explicit' as const, bucket: BUCKET, key: 'raw/churn/train.csv' },
    ...(process.env.DRIFT_BENCH_MAX_ROWS === undefined ? {} : { maxRows: Number(process.env.DRIFT_BENCH_MAX_ROWS) }),
  };
  const phases = new PhaseClock();
  const { ports, published } = benchPorts(phases.watch(dependencies.ports.objects), BUCKET);
  const started = performance.now();
  const outcome = await checkDrift(
    settings,
    { scheduledTime: TICK, correlationId: 'bench', attempt: 'bench', leaseMs: 600_000 },
    ports,
  );
  const seconds = (performance.now() - started) / 1000;
  const phaseFigures = phases.summary();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const download = await downloadOnly(BUCKET);
  const report = JSON.parse(
    await ports.objects.text({
      bucket: BUCKET,
      key: String((outcome as { reportKey: string }).reportKey).replace(/html$/, 'json'),
    }),
  );
  console.log(
    JSON.stringify({
      seconds,
      predictions: report.sample.predictions,
      sampled: report.sample.sampled,
      objects: report.sample.objects,
      status: outcome.status,
      regime: report.result.regime,
      events: published.length,
      // The verdict's fingerprint: a re-run of the same window must print the same one.
      verdict: createHash('sha256')
        .update(JSON.stringify([report.result.status, report.result.features, report.modelMonitorDistances]))
        .digest('hex')
        .slice(0, 16),
      peakMb,
      phases: phaseFigures,
      download,
    }),
  );
};

const main = async () => {
  if (options.check) return check();
  const records = Number(options.records);
  const filesPerHour = Number(options['files-per-hour']);
  const s3 = await startS3();
  try {
    await s3.createBucket(BUCKET);
    const { header, rows } = exampleRows(root, 'churn_baseline');
    const objects = new S3ObjectStore(s3.client);
    await objects.put(
      BUCKET,
      'raw/churn/train.csv',
      `${[header, ...rows.map((r) => r.join(','))].join('\n')}\n`,
      'text/csv',
    );
    const generated = performance.now();
    const files = 24 * filesPerHour;
    const perFile = Math.ceil(records / files);
    let bytes = 0;
    for (let f = 0, n = 0; f < files && n < records; f++) {
      const fileStart = WINDOW_START + (f * 86_400_000) / files;
      const at = new Date(fileStart);
      const key = `capture/churn/AllTraffic/${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${pad(at.getUTCHours())}/part-${f}.jsonl`;
      const lines: string[] = [];
      for (let i = 0; i < perFile && n < records; i++, n++) {
        const time = new Date(fileStart + Math.floor((i * 86_400_000) / files / perFile)).toISOString();
        lines.push(churnCaptureLine(rows[n % rows.length], time, `e-${n}`));
      }
      const body = `${lines.join('\n')}\n`;
      bytes += Buffer.byteLength(body);
      await objects.put(BUCKET, key, body, 'application/jsonlines');
    }
    console.log(
      `wrote ${records} records in ${files} files (${(bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
    );
    const load = loadavg()[0];
    // Asynchronously: s3rver runs in this process and must keep answering while the child reads.
    const child = await runChild(
      resolve(root, 'node_modules/.bin/tsx'),
      [
        ...(options.profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profile}`]),
        __filename,
        '--check',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          POWERTOOLS_LOG_LEVEL: 'SILENT',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          AWS_REGION: 'eu-west-1',
          AWS_ENDPOINT_URL_S3: s3.endpoint,
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          AWS_S3_FORCE_PATH_STYLE: 'true',
          AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
          AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
          FLEET_CONFIG_FILE: resolve(root, 'fleet.config.yaml'),
          FLEET_STAGE: 'prod',
          RECORDS_TABLE_NAME: 'unused: records stay in memory',
          EVENT_BUS_NAME: 'unused: events stay in memory',
          DATA_BUCKET_NAME: BUCKET,
          ...(options['max-rows'] === undefined ? {} : { DRIFT_BENCH_MAX_ROWS: options['max-rows'] }),
        },
      },
    );
    const last = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0) throw new Error(`the check failed:\n${child.stderr}`);
    if (process.env.DRIFT_BENCH_SHOW_STDERR) console.log(child.stderr);
    const r = JSON.parse(last) as {
      seconds: number;
      predictions: number;
      sampled: number;
      objects: number;
      status: string;
      regime: string;
      peakMb: number;
      verdict: string;
      phases: Record<string, unknown>;
      download: { seconds: number; bytes: number; objects: number };
    };
    const perSecond = r.predictions / r.seconds;
    console.log(
      `${r.predictions} records, ${r.objects} objects: ${r.seconds.toFixed(1)} s, ${Math.round(perSecond)} records/s, peak RSS ${r.peakMb.toFixed(0)} MB, sample ${r.sampled}, ${r.status} (${r.regime}), verdict ${r.verdict}`,
    );
    console.log(`phases: ${JSON.stringify(r.phases)}`);
    console.log(
      `peer, listing and downloading the same ${r.download.objects} objects without decoding: ${r.download.seconds.toFixed(1)} s (${(r.download.bytes / 1e6 / r.download.seconds).toFixed(0)} MB/s)`,
    );
    if (options['no-write']) return;
    const loadAfter = loadavg()[0];
    const ph = r.phases as Record<string, number>;
    const section = [
      SECTION,
      '',
      `Command: \`pnpm exec tsx bench/driftWindow.bench.ts --records ${records} --files-per-hour ${filesPerHour}\` (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores shared, load average ${load.toFixed(1)} when the check started, ${loadAfter.toFixed(1)} when the peer ended).`,
      '',
      `${records.toLocaleString('en')} captured predictions (CSV payloads in the churn layout, ${(bytes / 1e6).toFixed(0)} MB of JSON Lines in ${files} objects over 24 hour prefixes in s3rver),`,
      `checked by the service's own use case in one child process with the churn settings of fleet.config.yaml: listing, streaming and`,
      `decoding every record, the seeded sample of maxRows 200,000, the drift decision against the 8,000-row baseline, the ground-truth`,
      `listing (a week of hour prefixes), the report, its JSON and the violations file. The peer, in the same child right after the`,
      `check: the same objects listed and downloaded over the same SDK client, one at a time, bytes counted and dropped.`,
      '',
      '| records | wall time of the check | records per second | peak RSS | sample | verdict | targets |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| ${r.predictions.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${Math.round(perSecond).toLocaleString('en')} | ${r.peakMb.toFixed(0)} MB | ${r.sampled.toLocaleString('en')} | ${r.status} (${r.regime}) | under 20 s: ${r.seconds < 20 ? 'met' : 'missed'}; under 512 MB: ${r.peakMb < 512 ? 'met' : 'missed'} |`,
      '',
      `Peer: listing and downloading the same ${r.download.objects} objects took ${r.download.seconds.toFixed(1)} s (${(r.download.bytes / 1e6 / r.download.seconds).toFixed(0)} MB/s); the check took ${(r.seconds / r.download.seconds).toFixed(1)} times as long.`,
      `Phases (seen from the object store): reading and sampling ${ph.readingSeconds} s (heap at most ${ph.readingPeakHeapMb} MB, RSS ${ph.readingPeakRssMb} MB at the`,
      `end of an object), decision, labels and rendering ${ph.decisionAndRenderingSeconds} s (heap ${ph.heapAtFirstReportMb} MB, RSS ${ph.rssAtFirstReportMb} MB at the first report written).`,
      '',
    ].join('\n');
    writeResultsSection(resolve(root, 'bench/RESULTS.md'), SECTION, section);
  } finally {
    await s3.stop();
  }
};

void main();
