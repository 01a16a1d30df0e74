import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  SageMakerClient,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { LocalCloud } from '../../src/LocalCloud.js';
import type { DataCaptureRecord } from '../../src/sagemakerRuntime/index.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stacks');
const bucket = 'shop-local-uploads-123456789012';
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('InvokeEndpoint on the local cloud', () => {
  let cloud: LocalCloud;
  let sagemaker: SageMakerClient;
  let runtime: SageMakerRuntimeClient;
  let s3: S3Client;

  /** Package `version` of group `orders`, its model and an endpoint configuration capturing `sampling` %. */
  const prepareVersion = async (version: number, sampling = 100) => {
    const { ModelPackageArn } = await sagemaker.send(
      new CreateModelPackageCommand({ ModelPackageGroupName: 'orders' }),
    );
    await sagemaker.send(
      new CreateModelCommand({
        ModelName: `orders-v${version}`,
        Containers: [{ ModelPackageName: ModelPackageArn }],
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/sagemaker-execution',
      }),
    );
    await sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: `orders-v${version}`,
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: `orders-v${version}`,
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 2,
          },
        ],
        DataCaptureConfig: {
          EnableCapture: true,
          InitialSamplingPercentage: sampling,
          DestinationS3Uri: `s3://${bucket}/capture`,
          CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
          CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'] },
        },
      }),
    );
  };

  const serve = async (sampling = 100) => {
    await prepareVersion(1, sampling);
    await sagemaker.send(new CreateEndpointCommand({ EndpointName: 'orders', EndpointConfigName: 'orders-v1' }));
    await cloud.tick('5m');
  };

  const invoke = (body: string, inferenceId?: string) =>
    runtime.send(
      new InvokeEndpointCommand({
        EndpointName: 'orders',
        ContentType: 'text/csv',
        Body: Buffer.from(body),
        ...(inferenceId === undefined ? {} : { InferenceId: inferenceId }),
      }),
    );

  const captureFiles = async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'capture/' }));
    return Promise.all(
      (listed.Contents ?? []).map(async (object) => {
        const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key }));
        const text = (await got.Body?.transformToString()) ?? '';
        return {
          key: object.Key as string,
          records: text
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as DataCaptureRecord),
        };
      }),
    );
  };

  beforeEach(async () => {
    cloud = await LocalCloud.start({
      rootDir,
      serviceDirs: [],
      modelScoring: {
        byVersion: {
          1: { intercept: -1, coefficients: [0.5, 0.25] },
          2: { intercept: 1, coefficients: [0.5, 0.25] },
        },
      },
    });
    sagemaker = new SageMakerClient({});
    runtime = new SageMakerRuntimeClient({});
    s3 = new S3Client({ forcePathStyle: true });
    await sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'orders' }));
  });

  afterEach(async () => {
    sagemaker.destroy();
    runtime.destroy();
    s3.destroy();
    await cloud.stop();
  });

  it("answers one CSV score per row with the package version's logistic model", async () => {
    // Prepare
    await serve();

    // Act
    const answer = await invoke('1,2\n3,0\n');

    // Assess
    const expected = [sigmoid(-1 + 0.5 + 0.5), sigmoid(-1 + 1.5)].map((p) => String(Math.round(p * 1e6) / 1e6));
    expect(new TextDecoder().decode(answer.Body)).toBe(expected.join('\n'));
    expect(answer.ContentType).toBe('text/csv; charset=utf-8');
    expect(answer.InvokedProductionVariant).toBe('AllTraffic');
  });

  it('answers a full CSV row with an identifier and categorical columns when the model reads them as text', async () => {
    // Prepare
    await serve();
    cloud.sageMakerRuntime.setScoring({
      otherwise: { intercept: -1, coefficients: [0, 0.1], categories: { 2: { 'Two year': -2 } }, ignored: [0] },
    });

    // Act
    const answer = await invoke('CUST-1,10,Two year\nCUST-2,,Month-to-month', 'CUST-1');

    // Assess
    const expected = [sigmoid(-1 + 1 - 2), sigmoid(-1)].map((p) => String(Math.round(p * 1e6) / 1e6));
    expect(new TextDecoder().decode(answer.Body)).toBe(expected.join('\n'));
  });

  it('answers ValidationError for an endpoint that does not exist or is still Creating', async () => {
    // Prepare
    await prepareVersion(1);
    await sagemaker.send(new CreateEndpointCommand({ EndpointName: 'orders', EndpointConfigName: 'orders-v1' }));

    // Act
    const creating = invoke('1,2');

    // Assess
    await expect(creating).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Endpoint orders of account 123456789012 not found.',
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
  });

  it('answers ModelError for a row that is not numeric', async () => {
    // Prepare
    await serve();

    // Act
    const outcome = invoke('1,abc');

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ModelError',
      OriginalStatusCode: 400,
      OriginalMessage: "could not convert string to float: 'abc' (line 1)",
      $metadata: expect.objectContaining({ httpStatusCode: 424 }),
    });
  });

  it('writes Data Capture JSON Lines in the documented layout a little after the requests', async () => {
    // Prepare
    await serve();
    await invoke('1,2', 'customer-0001');
    await cloud.tick('10s');
    await invoke('3,4');
    const beforeFlush = await captureFiles();

    // Act
    await cloud.tick('1m');
    const files = await captureFiles();

    // Assess
    expect(beforeFlush).toEqual([]);
    expect(files).toHaveLength(1);
    expect(files[0].key).toMatch(/^capture\/orders\/AllTraffic\/2025\/06\/02\/09\/05-00-000-[0-9a-f-]{36}\.jsonl$/);
    expect(files[0].records).toEqual([
      {
        captureData: {
          endpointInput: { observedContentType: 'text/csv', mode: 'INPUT', data: '1,2', encoding: 'CSV' },
          endpointOutput: {
            observedContentType: 'text/csv; charset=utf-8',
            mode: 'OUTPUT',
            data: String(Math.round(sigmoid(-1 + 0.5 + 0.5) * 1e6) / 1e6),
            encoding: 'CSV',
          },
        },
        eventMetadata: {
          eventId: expect.any(String),
          inferenceId: 'customer-0001',
          inferenceTime: '2025-06-02T09:05:00Z',
        },
        eventVersion: '0',
      },
      expect.objectContaining({
        captureData: expect.objectContaining({ endpointInput: expect.objectContaining({ data: '3,4' }) }),
        eventMetadata: { eventId: expect.any(String), inferenceTime: '2025-06-02T09:05:10Z' },
      }),
    ]);
  });

  it('captures the sampling percentage of the requests', async () => {
    // Prepare
    await serve(25);

    // Act
    for (let i = 0; i < 20; i++) await invoke(`${i},1`);
    await cloud.tick('1m');

    // Assess
    const records = (await captureFiles()).flatMap((file) => file.records);
    expect(records).toHaveLength(5);
    expect(cloud.sageMakerRuntime.invocations().filter((invocation) => invocation.captured)).toHaveLength(5);
  });

  it("sends the canary's share of the traffic to the new version during a canary update", async () => {
    // Prepare
    await serve();
    await prepareVersion(2);
    await sagemaker.send(
      new UpdateEndpointCommand({
        EndpointName: 'orders',
        EndpointConfigName: 'orders-v2',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
              Type: 'CANARY',
              CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 },
              WaitIntervalInSeconds: 600,
            },
            TerminationWaitInSeconds: 600,
          },
        },
      }),
    );
    await cloud.tick('4m');

    // Act
    const answers = new Set<string>();
    for (let i = 0; i < 10; i++) answers.add(new TextDecoder().decode((await invoke('1,1')).Body));

    // Assess
    const round = (p: number) => String(Math.round(p * 1e6) / 1e6);
    expect(answers).toEqual(new Set([round(sigmoid(-1 + 0.75)), round(sigmoid(1 + 0.75))]));
    const configs = cloud.sageMakerRuntime.invocations().map((invocation) => invocation.endpointConfigName);
    expect(configs.filter((name) => name === 'orders-v2')).toHaveLength(5);
    expect(configs.filter((name) => name === 'orders-v1')).toHaveLength(5);
  });
});
