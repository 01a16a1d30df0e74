/**
 * Benchmark: the size and module load time of every packaged Lambda function.
 *
 * Run from the repository root:
 * `pnpm exec tsx bench/bundles.bench.ts [--runs 5] [--no-package] [--analyze] [--nice=-10] [--compare <checkout>]`.
 * Packages every stack with `scripts/package-all.mjs` (what `pnpm package` runs; skip with
 * `--no-package` to read the zips already under each service's `.serverless/`), unzips each
 * function's artifact into a temporary folder and reports, per function, the KiB of its
 * JavaScript and the time `require` of its handler file takes, measured inside a fresh `node`
 * process with `process.hrtime` around the `require` (median of `--runs` processes, after one
 * warm-up so the file is in the page cache). Rounds are interleaved across functions and peers,
 * so a burst of load on the shared cores hits every row alike.
 *
 * Peers, measured in the same run: `node -e 0` (a process that loads nothing), and two bare
 * bundles built with the same esbuild options as the functions: the DynamoDB client with its
 * document client, and the floor the issue quotes (DynamoDB, EventBridge, Powertools logger and
 * metrics, middy). "peer" ratios are against the DynamoDB peer, "floor" against the second one.
 *
 * `--compare <checkout>` also measures the zips already packaged in another checkout (say the
 * code before a change), interleaved in the same rounds, so both sides see the same load; rows
 * are labelled with each checkout's commit.
 *
 * `--analyze` rebuilds each handler with esbuild (the options of serverless.common.yml, plus
 * a metafile) and prints what its bundle is made of, by package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';
import { parse } from 'yaml';

const root = resolve(__dirname, '..');

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'no-package': { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: false },
    stage: { type: 'string', default: 'dev' },
    nice: { type: 'string', default: '0' },
    compare: { type: 'string' },
  },
});
const runs = Number(options.runs);
/** Scheduling priority of the measured processes (`nice -n`; below 0 needs root): less noise on shared cores. */
const niceness = Number(options.nice);

/** Spawns `node args` at the chosen priority. */
const spawnNode = (args: string[], spawnOptions: Parameters<typeof spawnSync>[2]) =>
  niceness === 0
    ? spawnSync(process.execPath, args, spawnOptions)
    : spawnSync('nice', ['-n', String(niceness), process.execPath, ...args], spawnOptions);

/** The targets of the issue: per function, at most this much JavaScript and this load time. */
const TARGET_KIB = 600;
const TARGET_MS = 100;

/** One thing whose load time is measured: a packaged function or a peer. */
type Subject = { name: string; dir: string; file: string | null; env: Record<string, string>; kib: number };

type ServerlessState = {
  service: {
    provider: { environment?: Record<string, unknown>; region?: string; memorySize?: number };
    functions: Record<string, { handler: string; name: string; environment?: Record<string, unknown> }>;
  };
};

/** CloudFormation values (Fn::ImportValue and friends) resolve at deploy time; a bundle only needs a string. */
const plainEnvironment = (variables: Record<string, unknown> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(variables).map(([key, value]) => [key, typeof value === 'string' ? value : `bench-${key}`]),
  );

/** The service folders of a checkout that have a serverless.yml. */
const serviceDirs = (checkout = root): string[] =>
  readdirSync(join(checkout, 'services'))
    .map((name) => join(checkout, 'services', name))
    .filter((dir) => existsSync(join(dir, 'serverless.yml')))
    .sort();

const kibOf = (file: string): number => statSync(file).size / 1024;

/** The short commit of a checkout, to label its rows. */
const commitOf = (checkout: string): string =>
  spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: checkout, encoding: 'utf8' }).stdout.trim();

/**
 * Unzips every packaged function of a checkout into `work` and describes how Lambda would load
 * it; `label` prefixes the rows (set when another checkout is measured in the same run).
 */
const packagedFunctions = (work: string, checkout = root, label = ''): Subject[] => {
  const subjects: Subject[] = [];
  for (const serviceDir of serviceDirs(checkout)) {
    const service = relative(join(checkout, 'services'), serviceDir);
    const state = JSON.parse(
      readFileSync(join(serviceDir, '.serverless', 'serverless-state.json'), 'utf8'),
    ) as ServerlessState;
    const provider = state.service.provider;
    for (const [key, fn] of Object.entries(state.service.functions)) {
      const dir = join(work, label, service, key);
      mkdirSync(dir, { recursive: true });
      const unzip = spawnSync('unzip', ['-q', '-o', join(serviceDir, '.serverless', `${key}.zip`), '-d', dir]);
      if (unzip.status !== 0) throw new Error(`unzip of ${service}/${key} failed: ${unzip.stderr}`);
      const file = join(dir, `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.js`);
      const javascript = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) =>
        entry.endsWith('.js'),
      );
      subjects.push({
        name: `${label === '' ? '' : `${label} `}${service}/${key}`,
        dir,
        file,
        kib: javascript.reduce((sum, entry) => sum + kibOf(join(dir, entry)), 0),
        env: {
          ...plainEnvironment(provider.environment),
          ...plainEnvironment(fn.environment),
          AWS_LAMBDA_FUNCTION_NAME: fn.name,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(provider.memorySize ?? 512),
          AWS_REGION: provider.region ?? 'eu-west-1',
        },
      });
    }
  }
  return subjects;
};

/** The esbuild options every function is bundled with (serverless.common.yml), as esbuild's API takes them. */
const commonBuildOptions = (): BuildOptions => {
  const common = parse(readFileSync(join(root, 'serverless.common.yml'), 'utf8')) as {
    esbuild: BuildOptions & { exclude?: string[] };
  };
  const { exclude = [], ...esbuild } = common.esbuild;
  return { ...esbuild, external: exclude, logLevel: 'error' };
};

/** Builds a bare bundle of `source` (resolved from `resolveDir`) with the functions' esbuild options. */
const peerBundle = (work: string, name: string, source: string, resolveDir: string): Subject => {
  const dir = join(work, 'peers', name);
  const file = join(dir, 'index.js');
  buildSync({ ...commonBuildOptions(), stdin: { contents: source, resolveDir, loader: 'js' }, outfile: file });
  return { name: `peer: ${name}`, dir, file, kib: kibOf(file), env: { AWS_REGION: 'eu-west-1' } };
};

/**
 * Runs in the child: times only the `require` of the bundle, as Lambda's init does. Prints the
 * wall milliseconds and the CPU milliseconds (user + system) of the `require`; the CPU figure is
 * less sensitive to other work on the shared cores.
 */
const CHILD = [
  'const c=process.cpuUsage();const t=process.hrtime.bigint();require(process.argv[1]);',
  'const w=Number(process.hrtime.bigint()-t)/1e6;const u=process.cpuUsage(c);',
  'process.stdout.write(w+" "+(u.user+u.system)/1e3);',
].join('');

/** One load: wall and CPU milliseconds. */
type Sample = { wallMs: number; cpuMs: number };

/** One fresh process: the `require` of the bundle inside it, or the whole process for `node -e 0`. */
const load = (subject: Subject): Sample => {
  const baseEnv = { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  if (subject.file === null) {
    const started = process.hrtime.bigint();
    const child = spawnNode(['-e', '0'], { env: baseEnv });
    if (child.status !== 0) throw new Error('node -e 0 failed');
    return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: Number.NaN };
  }
  const child = spawnNode(['-e', CHILD, subject.file], {
    cwd: subject.dir,
    env: { ...baseEnv, ...subject.env },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`require of ${subject.name} failed:\n${child.stderr}`);
  const [wallMs, cpuMs] = String(child.stdout).trim().split(' ').map(Number);
  return { wallMs, cpuMs };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** What a bundle is made of: output bytes per package (or per workspace folder for fleet code). */
const composition = (metafile: Metafile): Map<string, number> => {
  const byOwner = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const modules = input.lastIndexOf('node_modules/');
      let owner: string;
      if (modules >= 0) {
        const parts = input.slice(modules + 'node_modules/'.length).split('/');
        owner = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
      } else {
        owner = input
          .replace(/^(\.\.\/)+/, '')
          .split('/')
          .slice(0, 2)
          .join('/');
      }
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return byOwner;
};

/** Rebuilds every handler with a metafile and prints the largest parts of each bundle. */
const analyze = (work: string): void => {
  console.log('\nBundle composition (esbuild metafile, KiB of minified output by package):');
  for (const serviceDir of serviceDirs()) {
    const state = JSON.parse(
      readFileSync(join(serviceDir, '.serverless', 'serverless-state.json'), 'utf8'),
    ) as ServerlessState;
    for (const [key, fn] of Object.entries(state.service.functions)) {
      const entry = join(serviceDir, `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`);
      const result = buildSync({
        ...commonBuildOptions(),
        entryPoints: [entry],
        outfile: join(work, 'analyze', relative(root, serviceDir), `${key}.js`),
        absWorkingDir: serviceDir,
        metafile: true,
      });
      const parts = [...composition(result.metafile).entries()].sort((a, b) => b[1] - a[1]);
      const total = parts.reduce((sum, [, bytes]) => sum + bytes, 0);
      const listed = parts
        .filter(([, bytes]) => bytes >= 8 * 1024)
        .map(([owner, bytes]) => `${owner} ${(bytes / 1024).toFixed(0)}`)
        .join(', ');
      console.log(`- ${relative(join(root, 'services'), serviceDir)}/${key} (${(total / 1024).toFixed(0)}): ${listed}`);
    }
  }
};

const main = (): void => {
  if (!options['no-package']) {
    const packaged = spawnSync(process.execPath, [join(root, 'scripts', 'package-all.mjs'), options.stage], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (packaged.status !== 0) throw new Error(`scripts/package-all.mjs exited ${packaged.status}`);
  }
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(root, '.tmp', 'bundles-bench-'));
  try {
    const compare = options.compare === undefined ? undefined : resolve(options.compare);
    const functions =
      compare === undefined
        ? packagedFunctions(work)
        : [...packagedFunctions(work, compare, commitOf(compare)), ...packagedFunctions(work, root, commitOf(root))];
    const sdkPeer = peerBundle(
      work,
      'dynamodb client + lib-dynamodb',
      `require('@aws-sdk/client-dynamodb');require('@aws-sdk/lib-dynamodb');`,
      join(root, 'packages', 'shared'),
    );
    const floorPeer = peerBundle(
      work,
      'dynamodb + eventbridge + powertools logger/metrics + middy',
      [
        '@aws-sdk/client-dynamodb',
        '@aws-sdk/lib-dynamodb',
        '@aws-sdk/client-eventbridge',
        '@aws-lambda-powertools/logger',
        '@aws-lambda-powertools/metrics',
        '@middy/core',
      ]
        .map((name) => `require('${name}');`)
        .join(''),
      join(root, 'packages', 'shared'),
    );
    const bareNode: Subject = { name: 'peer: node -e 0 (whole process)', dir: root, file: null, env: {}, kib: 0 };
    const subjects = [...functions, sdkPeer, floorPeer, bareNode];

    const before = loadavg()[0];
    for (const subject of subjects) load(subject);
    const samples = new Map<Subject, Sample[]>(subjects.map((subject) => [subject, []]));
    for (let round = 0; round < runs; round++) {
      for (const subject of subjects) samples.get(subject)!.push(load(subject));
    }
    const after = loadavg()[0];

    const medianWall = (subject: Subject) => median(samples.get(subject)!.map((sample) => sample.wallMs));
    const peerMs = medianWall(sdkPeer);
    const floorMs = medianWall(floorPeer);
    console.log(
      `\nNode ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${before.toFixed(1)} before, ${after.toFixed(1)} after; median of ${runs} processes${niceness === 0 ? '' : ` at nice ${niceness}`}.`,
    );
    console.log(`Target: at most ${TARGET_KIB} KiB of JavaScript and ${TARGET_MS} ms to load per function.\n`);
    console.log(
      '| function | KiB | load ms (median) | min-max ms | CPU ms (median) | KiB / peer | ms / peer | ms / floor | target (600 KiB, 100 ms) |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const subject of subjects) {
      const values = samples.get(subject)!.map((sample) => sample.wallMs);
      const ms = median(values);
      const cpu = median(samples.get(subject)!.map((sample) => sample.cpuMs));
      const isFunction = functions.includes(subject);
      const verdict = !isFunction
        ? ''
        : subject.kib <= TARGET_KIB && ms <= TARGET_MS
          ? 'pass'
          : `FAIL (${[subject.kib > TARGET_KIB ? 'size' : '', ms > TARGET_MS ? 'load' : ''].filter(Boolean).join(', ')})`;
      const kib = subject.file === null ? '-' : subject.kib.toFixed(0);
      const kibRatio = subject.file === null ? '-' : (subject.kib / sdkPeer.kib).toFixed(2);
      console.log(
        `| ${subject.name} | ${kib} | ${ms.toFixed(1)} | ${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)} | ${Number.isNaN(cpu) ? '-' : cpu.toFixed(1)} | ${kibRatio} | ${(ms / peerMs).toFixed(2)} | ${(ms / floorMs).toFixed(2)} | ${verdict} |`,
      );
    }
    if (options.analyze) analyze(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

main();
