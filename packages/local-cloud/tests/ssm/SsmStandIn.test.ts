import { createRequire } from 'node:module';
import path from 'node:path';
import {
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { LocalCloud } from '../../src/LocalCloud.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'sns');
const region = 'eu-west-1';
const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/**
 * Powertools parameters as the services load it: this package does not depend on it, so it is
 * required from the service that does (the same installed copy its functions bundle).
 */
const loadPowertoolsSsm = () =>
  createRequire(path.join(__dirname, '..', '..', '..', '..', 'services', 'approval-callback', 'package.json'))(
    '@aws-lambda-powertools/parameters/ssm',
  ) as {
    getParameter: (name: string, options?: { decrypt?: boolean; forceFetch?: boolean }) => Promise<string | undefined>;
  };

describe('SsmStandIn over HTTP with the SDK client', () => {
  let cloud: LocalCloud;
  let client: SSMClient;

  beforeAll(async () => {
    cloud = await LocalCloud.start({
      rootDir,
      serviceDirs: [],
      parameters: {
        '/shop/slack/signing-secret': { value: SIGNING_SECRET, type: 'SecureString' },
        '/shop/slack/channel': { value: 'C0SHOP' },
        '/shop/pagerduty/critical': { value: 'R0UTINGKEY0000000000000000000001', type: 'SecureString' },
      },
    });
    client = new SSMClient({
      endpoint: cloud.endpoints.ssm,
      region,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await cloud.stop();
  });

  it('returns a SecureString decrypted with WithDecryption', async () => {
    // Act
    const { Parameter } = await client.send(
      new GetParameterCommand({ Name: '/shop/slack/signing-secret', WithDecryption: true }),
    );

    // Assess
    expect(Parameter).toEqual({
      Name: '/shop/slack/signing-secret',
      Type: 'SecureString',
      Value: SIGNING_SECRET,
      Version: 1,
      LastModifiedDate: new Date('2025-06-02T09:00:00Z'),
      ARN: `arn:aws:ssm:${region}:123456789012:parameter/shop/slack/signing-secret`,
      DataType: 'text',
    });
  });

  it('returns a SecureString as ciphertext without WithDecryption, as AWS does', async () => {
    // Act
    const { Parameter } = await client.send(new GetParameterCommand({ Name: '/shop/slack/signing-secret' }));

    // Assess
    expect(Parameter?.Type).toBe('SecureString');
    expect(Parameter?.Value).not.toContain(SIGNING_SECRET);
    expect(Parameter?.Value).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('returns a String parameter as it is, with or without WithDecryption', async () => {
    // Act
    const plain = await client.send(new GetParameterCommand({ Name: '/shop/slack/channel' }));
    const decrypted = await client.send(new GetParameterCommand({ Name: '/shop/slack/channel', WithDecryption: true }));

    // Assess
    expect(plain.Parameter?.Value).toBe('C0SHOP');
    expect(decrypted.Parameter?.Value).toBe('C0SHOP');
  });

  it('reads a parameter by its ARN', async () => {
    // Act
    const { Parameter } = await client.send(
      new GetParameterCommand({ Name: `arn:aws:ssm:${region}:123456789012:parameter/shop/slack/channel` }),
    );

    // Assess
    expect(Parameter?.Name).toBe('/shop/slack/channel');
  });

  it('throws ParameterNotFound for an unknown parameter', async () => {
    // Act
    const reading = client.send(new GetParameterCommand({ Name: '/shop/nowhere' }));

    // Assess
    await expect(reading).rejects.toThrow(ParameterNotFound);
  });

  it('returns the parameters it has and lists the others as InvalidParameters', async () => {
    // Act
    const output = await client.send(
      new GetParametersCommand({
        Names: ['/shop/slack/channel', '/shop/nowhere', '/shop/pagerduty/critical'],
        WithDecryption: true,
      }),
    );

    // Assess
    expect(output.Parameters?.map((parameter) => [parameter.Name, parameter.Value])).toEqual([
      ['/shop/slack/channel', 'C0SHOP'],
      ['/shop/pagerduty/critical', 'R0UTINGKEY0000000000000000000001'],
    ]);
    expect(output.InvalidParameters).toEqual(['/shop/nowhere']);
  });

  it('refuses to overwrite without Overwrite (ParameterAlreadyExists), and overwrites with it', async () => {
    // Prepare
    await client.send(new PutParameterCommand({ Name: '/shop/put/value', Value: 'one', Type: 'String' }));

    // Act
    const again = client.send(new PutParameterCommand({ Name: '/shop/put/value', Value: 'two', Type: 'String' }));
    const overwritten = await client.send(
      new PutParameterCommand({ Name: '/shop/put/value', Value: 'three', Overwrite: true }),
    );

    // Assess
    await expect(again).rejects.toThrow(ParameterAlreadyExists);
    expect(overwritten).toMatchObject({ Version: 2, Tier: 'Standard' });
    const { Parameter } = await client.send(new GetParameterCommand({ Name: '/shop/put/value' }));
    expect(Parameter).toMatchObject({ Value: 'three', Version: 2, Type: 'String' });
  });

  it('lists the parameters under a path, recursively only when asked', async () => {
    // Act
    const direct = await client.send(new GetParametersByPathCommand({ Path: '/shop' }));
    const recursive = await client.send(
      new GetParametersByPathCommand({ Path: '/shop/slack', Recursive: true, WithDecryption: true }),
    );

    // Assess
    expect(direct.Parameters).toEqual([]);
    expect(recursive.Parameters?.map((parameter) => [parameter.Name, parameter.Value])).toEqual([
      ['/shop/slack/channel', 'C0SHOP'],
      ['/shop/slack/signing-secret', SIGNING_SECRET],
    ]);
  });

  it('serves Powertools getParameter with decrypt: true, as the services read their secrets', async () => {
    // Prepare
    const { getParameter } = loadPowertoolsSsm();

    // Act
    const secret = await getParameter('/shop/slack/signing-secret', { decrypt: true, forceFetch: true });
    const encrypted = await getParameter('/shop/pagerduty/critical', { forceFetch: true });

    // Assess
    expect(secret).toBe(SIGNING_SECRET);
    expect(encrypted).not.toBe('R0UTINGKEY0000000000000000000001');
  });
});
