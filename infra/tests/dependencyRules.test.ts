import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './packagedStacks';

/** Where each rule's fixture lives: a tiny repository (services/, packages/) that breaks exactly that rule. */
const fixturesRoot = path.join(repoRoot, 'infra', 'depcruise-fixtures');
const configFile = path.join(repoRoot, '.dependency-cruiser.cjs');

/** One dependency as the cruise resolved it. */
type Dependency = { from: string; module: string; resolved: string; couldNotResolve: boolean };
/** One rule violation. */
type Violation = { rule: string; from: string; to: string };
/** What the cruise found. */
type CruiseOutcome = { violations: Violation[]; dependencies: Dependency[]; modules: number };

/** One cruise: folders relative to `baseDir`, optionally without reading package.json `exports`. */
type CruiseJob = { baseDir: string; targets: string[]; ignoreExports?: boolean };

/**
 * Runs dependency-cruiser's API (`cruise`) with the repository's config, one job after the other,
 * in one child process: dependency-cruiser is ES-module only, which jest's CommonJS runtime
 * cannot import, and one process spares its start-up per job.
 */
const RUNNER = `
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
const [configFile, tsConfigFile, jobs] = process.argv.slice(1);
const options = await extractDepcruiseOptions(configFile);
const tsConfig = extractTSConfig(tsConfigFile);
const outcomes = [];
for (const { baseDir, targets, ignoreExports } of JSON.parse(jobs)) {
  const enhancedResolveOptions = { ...options.enhancedResolveOptions, ...(ignoreExports ? { exportsFields: [] } : {}) };
  const { output } = await cruise(targets, { ...options, enhancedResolveOptions, baseDir }, {}, { tsConfig });
  outcomes.push({
    modules: output.modules.length,
    violations: output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })),
    dependencies: output.modules.flatMap((m) => m.dependencies.map((d) => ({
      from: m.source, module: d.module, resolved: d.resolved, couldNotResolve: d.couldNotResolve,
    }))),
  });
}
process.stdout.write(JSON.stringify(outcomes));
`;

/** Cruises each job with the repository's rules. */
const cruiseWithRepoConfig = (jobs: CruiseJob[]): CruiseOutcome[] => {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', RUNNER, configFile, path.join(repoRoot, 'tsconfig.base.json'), JSON.stringify(jobs)],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`dependency-cruiser failed (${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as CruiseOutcome[];
};

/** Links `node_modules/<name>` in `root` to `target`, as pnpm links a workspace package or a dependency. */
const link = (root: string, name: string, target: string): void => {
  const at = path.join(root, 'node_modules', name);
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
};

/**
 * Copies a fixture into a scratch folder and installs it the way pnpm installs the workspace:
 * each fixture package under its name (so `exports` subpaths must resolve), and the real
 * `@aws-sdk/client-dynamodb` from the store.
 */
const installFixture = (scratch: string, name: string): string => {
  const root = path.join(scratch, name);
  cpSync(path.join(fixturesRoot, name), root, { recursive: true });
  for (const area of ['packages', 'services']) {
    const areaDir = path.join(root, area);
    const members = readdirSync(root).includes(area) ? readdirSync(areaDir) : [];
    for (const member of members) {
      const manifest = path.join(areaDir, member, 'package.json');
      if (!readdirSync(path.join(areaDir, member)).includes('package.json')) continue;
      link(root, (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name, path.join(areaDir, member));
    }
  }
  const sdkManifest = require.resolve('@aws-sdk/client-dynamodb/package.json', {
    paths: [path.join(repoRoot, 'packages', 'shared')],
  });
  link(root, '@aws-sdk/client-dynamodb', realpathSync(path.dirname(sdkManifest)));
  return root;
};

const targetsOf = (root: string): string[] =>
  ['packages', 'services'].filter((area) => readdirSync(root).includes(area));

/** Each rule with the fixture file that breaks it and where the broken import lands. */
const brokenRules = [
  ['domain-not-to-adapters', 'services/alpha/src/domain/decide.ts', 'services/alpha/src/adapters/store.ts'],
  ['domain-not-to-handlers', 'services/alpha/src/domain/decide.ts', 'services/alpha/src/handlers/formatReply.ts'],
  ['domain-not-to-aws-sdk', 'services/alpha/src/domain/decide.ts', 'node_modules/@aws-sdk/client-dynamodb/'],
  ['packages-not-to-services', 'packages/lib/src/index.ts', 'services/alpha/src/domain/index.ts'],
  ['no-cross-service', 'services/alpha/src/handlers/entry.ts', 'services/beta/src/events/index.ts'],
  ['no-circular', 'packages/lib/src/first.ts', 'packages/lib/src/second.ts'],
  ['not-to-unresolvable', 'packages/lib/src/index.ts', './gone.js'],
] as const;

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let scratch: string;
  const outcomes = new Map<string, CruiseOutcome>();

  beforeAll(() => {
    scratch = mkdtempSync(path.join(process.env.TMPDIR ?? tmpdir(), 'depcruise-fixtures-'));
    const names = [...brokenRules.map(([rule]) => rule), 'clean'];
    const jobs: CruiseJob[] = names.map((name) => {
      const root = installFixture(scratch, name);
      return { baseDir: root, targets: targetsOf(root) };
    });
    jobs.push({ ...jobs[names.indexOf('no-cross-service')], ignoreExports: true });
    jobs.push({ baseDir: repoRoot, targets: ['packages', 'services', 'e2e'] });
    const results = cruiseWithRepoConfig(jobs);
    names.forEach((name, index) => {
      outcomes.set(name, results[index]);
    });
    outcomes.set('no-cross-service without exports', results[names.length]);
    outcomes.set('real tree', results[names.length + 1]);
  }, 240_000);

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it.each(brokenRules)('reports %s on its fixture, and only that rule', (rule, from, to) => {
    // Act
    const { violations } = outcomes.get(rule)!;

    // Assess
    expect([...new Set(violations.map((violation) => violation.rule))]).toEqual([rule]);
    expect(violations).toContainEqual(expect.objectContaining({ rule, from, to: expect.stringContaining(to) }));
  });

  it('passes the clean fixture with its workspace subpaths, `.js` specifiers and the SDK resolved', () => {
    // Act
    const { violations, dependencies } = outcomes.get('clean')!;

    // Assess
    expect(violations).toEqual([]);
    const resolved = Object.fromEntries(dependencies.map((dependency) => [dependency.module, dependency.resolved]));
    expect(resolved).toMatchObject({
      '@fleet/fixture-clean-lib/rules': 'packages/lib/src/rules/index.ts',
      '@fleet/fixture-clean-lib': 'packages/lib/src/index.ts',
      '../domain/decide.js': 'services/alpha/src/domain/decide.ts',
      './isPositive.js': 'packages/lib/src/rules/isPositive.ts',
      '@aws-sdk/client-dynamodb': expect.stringMatching(/node_modules\/@aws-sdk\/client-dynamodb\//),
    });
  });

  it('misses a cross-service import without `exports` resolution, which not-to-unresolvable then reports', () => {
    // Act
    const { violations } = outcomes.get('no-cross-service without exports')!;

    // Assess
    expect(violations.map((violation) => violation.rule)).toEqual(['not-to-unresolvable']);
    expect(violations[0].to).toBe('@fleet/fixture-cross-beta/events');
  });

  it('resolves the real tree\u2019s @fleet/* imports and finds no violation', () => {
    // Act
    const { violations, dependencies, modules } = outcomes.get('real tree')!;

    // Assess
    const fleet = dependencies.filter((dependency) => dependency.module.startsWith('@fleet/'));
    const resolvedFleet = fleet.filter((dependency) => !dependency.couldNotResolve);
    expect(modules).toBeGreaterThan(100);
    expect(resolvedFleet.length).toBeGreaterThan(0);
    expect(resolvedFleet.length).toBe(fleet.length);
    expect(fleet.every((dependency) => /^(packages|services)\/[^/]+\/src\//.test(dependency.resolved))).toBe(true);
    expect(violations).toEqual([]);
  });
});
