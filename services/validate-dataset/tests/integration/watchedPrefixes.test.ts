import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFleetConfig } from '@fleet/shared';
import { parse } from 'yaml';
import { loadContractCatalog } from '../../src/adapters/loadContractCatalog.js';
import { PROFILES_PREFIX } from '../../src/domain/ContractCatalog.js';
import { repoRoot } from '../support/repoRoot.js';

type Statement = { Action: string | string[]; Resource: unknown };
type ServerlessYaml = {
  functions: Record<
    string,
    {
      events?: { eventBridge?: { pattern: { detail: { object: { key: { prefix: string }[] } } } } }[];
      iamRoleStatements: Statement[];
    }
  >;
};

const serverless = parse(readFileSync(path.join(__dirname, '..', '..', 'serverless.yml'), 'utf8'), {
  // `${file(...)}` and `${sls:stage}` stay unresolved text; only the structure is read here.
  strict: false,
}) as ServerlessYaml;

const configFile = path.join(repoRoot, 'fleet.config.yaml');
const catalog = loadContractCatalog(
  parseFleetConfig(readFileSync(configFile, 'utf8'), { file: configFile, stage: 'dev' }),
);

/** The key suffixes (after the bucket ARN) a statement with this action grants, e.g. `/raw/*`. */
const objectSuffixes = (statements: Statement[], action: string): string[] =>
  statements
    .filter((s) => [s.Action].flat().includes(action))
    .flatMap((s) => [s.Resource].flat())
    .map((r) => (r as { 'Fn::Join': [string, unknown[]] })['Fn::Join']?.[1]?.[1])
    .filter((suffix): suffix is string => typeof suffix === 'string');

/** A key prefix as it appears in an S3 event, which is what the rule matches. */
const asInEvent = (prefix: string) => encodeURIComponent(prefix).replace(/%2F/g, '/').replace(/%20/g, '+');

const rulePrefixes = serverless.functions.objectCreated.events?.flatMap(
  (e) => e.eventBridge?.pattern.detail.object.key.map((k) => k.prefix) ?? [],
) as string[];

describe('watched prefixes in serverless.yml', () => {
  it('watch the prefix of every configured contract', () => {
    // Prepare
    const matches = catalog.entries.map((e) => e.contract.match);

    // Act
    const unwatched = matches.filter((m) => !rulePrefixes.some((p) => asInEvent(m).startsWith(p)));

    // Assess
    expect(matches.length).toBeGreaterThan(0);
    expect(unwatched).toEqual([]);
  });

  it('never watch profiles/, where the function writes', () => {
    // Prepare
    const prefixes = rulePrefixes;

    // Act
    const overlapping = prefixes.filter((p) => PROFILES_PREFIX.startsWith(p) || p.startsWith(PROFILES_PREFIX));

    // Assess
    expect(prefixes.length).toBeGreaterThan(0);
    expect(overlapping).toEqual([]);
  });

  it.each(['objectCreated', 'validate'])('let %s read every watched prefix and write only profiles/', (name) => {
    // Prepare
    const statements = serverless.functions[name].iamRoleStatements;

    // Act
    const reads = objectSuffixes(statements, 's3:GetObject');
    const writes = objectSuffixes(statements, 's3:PutObject');

    // Assess
    expect(rulePrefixes.filter((p) => !reads.includes(`/${p}*`))).toEqual([]);
    expect(writes).toEqual([`/${PROFILES_PREFIX}*`]);
  });
});
