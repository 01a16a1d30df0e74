// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are serverless.yml text, whose ${...} variables are under test
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseServerlessYaml } from '../../src/serverless/parseServerlessYaml.js';
import { resolveIntrinsic } from '../../src/serverless/resolveIntrinsic.js';
import { resolveServerlessVariables, type VariableContext } from '../../src/serverless/resolveServerlessVariables.js';
import { ServerlessConfigError } from '../../src/serverless/ServerlessConfigError.js';

const context: VariableContext = {
  stage: 'local',
  region: 'eu-west-1',
  accountId: '123456789012',
  env: { HOME_TEAM: 'ml' },
};

describe('resolveServerlessVariables', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const resolveYaml = (text: string) => {
    const file = write('serverless.yml', text);
    return resolveServerlessVariables(parseServerlessYaml(file).value, file, context);
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shop-sls-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves stage, option fallbacks, env and aws sources', () => {
    // Act
    const config = resolveYaml(
      [
        "stage: ${opt:stage, 'dev'}",
        'sls: ${sls:stage}',
        "region: ${opt:region, 'us-east-1'}",
        "missing: ${opt:flag, env:NOPE, 'fallback, with comma'}",
        'team: ${env:HOME_TEAM}',
        'account: ${aws:accountId}',
        'name: shop-${sls:stage}-${aws:region}',
      ].join('\n'),
    );

    // Assess
    expect(config).toEqual({
      stage: 'local',
      sls: 'local',
      region: 'eu-west-1',
      missing: 'fallback, with comma',
      team: 'ml',
      account: '123456789012',
      name: 'shop-local-eu-west-1',
    });
  });

  it('resolves self references, nested variables and keeps non-string types', () => {
    // Act
    const config = resolveYaml(
      [
        'custom:',
        '  local: { size: 3, enabled: true }',
        '  pick: ${self:custom.${sls:stage}}',
        'size: ${self:custom.${sls:stage}.size}',
        'flag: ${self:custom.local.enabled}',
        'label: size-${self:size}',
        'bool: ${strToBool(true)}',
      ].join('\n'),
    );

    // Assess
    expect(config).toMatchObject({
      size: 3,
      flag: true,
      label: 'size-3',
      bool: true,
      custom: { pick: { size: 3, enabled: true } },
    });
  });

  it('resolves file includes relative to the including file, through a variable step', () => {
    // Prepare
    write('common.yml', 'custom:\n  prefix: incoming/\n  table: t-${sls:stage}\n');
    write('other.json', '{"value": 42}');

    // Act
    const config = resolveYaml(
      [
        'custom: ${file(./common.yml):custom}',
        'prefix: ${self:custom.prefix}',
        'table: ${self:custom.table}',
        'n: ${file(other.json):value}',
      ].join('\n'),
    );

    // Assess
    expect(config).toMatchObject({ prefix: 'incoming/', table: 't-local', n: 42 });
  });

  it('leaves CloudFormation placeholders and intrinsic functions alone', () => {
    // Act
    const config = resolveYaml(
      'bucket: !Sub shop-${sls:stage}-${AWS::AccountId}\nbus: !ImportValue shop-${sls:stage}-EventBusName\narn: !GetAtt Queue.Arn',
    );

    // Assess
    expect(config).toEqual({
      bucket: { 'Fn::Sub': 'shop-local-${AWS::AccountId}' },
      bus: { 'Fn::ImportValue': 'shop-local-EventBusName' },
      arn: { 'Fn::GetAtt': ['Queue', 'Arn'] },
    });
  });

  it('throws naming the field when a variable cannot be resolved', () => {
    // Act
    const act = () => resolveYaml('provider:\n  environment:\n    KEY: ${ssm:/secret}');

    // Assess
    expect(act).toThrow(ServerlessConfigError);
    expect(act).toThrow(/serverless\.yml: provider\.environment\.KEY: cannot resolve \$\{ssm:\/secret\} locally/);
  });

  it('throws when a self reference loops', () => {
    // Act
    const act = () => resolveYaml('a: ${self:b}\nb: ${self:a}');

    // Assess
    expect(act).toThrow(/refers to itself/);
  });
});

describe('resolveIntrinsic', () => {
  const intrinsics = {
    region: 'eu-west-1',
    accountId: '123456789012',
    imports: { 'shop-local-EventBusName': 'shop-local' },
    references: { 'Queue.Arn': 'arn:aws:sqs:eu-west-1:123456789012:q' },
  };

  it('resolves imports, subs, joins and known references', () => {
    // Act
    const values = [
      resolveIntrinsic({ 'Fn::ImportValue': 'shop-local-EventBusName' }, intrinsics),
      resolveIntrinsic({ 'Fn::Sub': 'x-${AWS::Region}-${AWS::AccountId}' }, intrinsics),
      resolveIntrinsic({ 'Fn::Sub': ['${Name}-y', { Name: { Ref: 'AWS::Region' } }] }, intrinsics),
      resolveIntrinsic({ 'Fn::Join': ['/', ['a', { 'Fn::GetAtt': ['Queue', 'Arn'] }]] }, intrinsics),
      resolveIntrinsic(5, intrinsics),
    ];

    // Assess
    expect(values).toEqual([
      'shop-local',
      'x-eu-west-1-123456789012',
      'eu-west-1-y',
      'a/arn:aws:sqs:eu-west-1:123456789012:q',
      '5',
    ]);
  });

  it('returns undefined for what cannot be known locally', () => {
    // Act
    const values = [
      resolveIntrinsic({ 'Fn::ImportValue': 'shop-local-Unknown' }, intrinsics),
      resolveIntrinsic({ Ref: 'SomeResource' }, intrinsics),
      resolveIntrinsic({ 'Fn::Sub': '${SomeResource.Arn}' }, intrinsics),
    ];

    // Assess
    expect(values).toEqual([undefined, undefined, undefined]);
  });
});
