import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeModelPackageCommand,
  DescribePipelineExecutionCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { ModelPackageStateChangeEvent } from '@fleet/shared';
import { LocalCloud } from '../../src/LocalCloud.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stacks');
const bucket = 'shop-local-uploads-123456789012';

describe('a registering pipeline on the local cloud', () => {
  let cloud: LocalCloud;
  let sagemaker: SageMakerClient;
  let s3: S3Client;
  let runs = 0;

  beforeEach(async () => {
    cloud = await LocalCloud.start({
      rootDir,
      serviceDirs: [],
      pipelines: [
        {
          name: 'orders-model',
          parameters: [
            { name: 'InputDataUri', defaultValue: 's3://x/incoming/orders/' },
            { name: 'ModelApprovalStatus', defaultValue: 'PendingManualApproval' },
          ],
          run: ({ parameters, sequence }) =>
            parameters.InputDataUri.endsWith('broken.csv')
              ? { duration: '20m', status: 'Failed', failureReason: "Step 'Train' failed" }
              : sequence === 4
                ? { duration: '30m', metrics: { roc_auc: 0.55 } }
                : { duration: '30m' },
          register: {
            modelPackageGroup: 'orders',
            evaluationBucket: { export: 'shop-local-UploadsBucketName' },
            metrics: [
              { roc_auc: 0.88, accuracy: 0.84 },
              { roc_auc: 0.81, accuracy: 0.8 },
            ],
          },
        },
        {
          name: 'misconfigured-model',
          run: { duration: '10m' },
          register: { modelPackageGroup: 'misconfigured', evaluationBucket: { export: 'shop-local-NoSuchBucket' } },
        },
      ],
    });
    sagemaker = new SageMakerClient({});
    s3 = new S3Client({ forcePathStyle: true });
  });

  afterEach(async () => {
    sagemaker.destroy();
    s3.destroy();
    await cloud.stop();
  });

  const run = async (inputDataUri = 's3://x/incoming/orders/a.csv') => {
    runs += 1;
    const { PipelineExecutionArn } = await sagemaker.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'orders-model',
        ClientRequestToken: `run-${runs}-0123456789abcdef0123456789abcdef`,
        PipelineParameters: [{ Name: 'InputDataUri', Value: inputDataUri }],
      }),
    );
    await cloud.tick('30m');
    return PipelineExecutionArn as string;
  };

  const readJson = async (s3Uri: string) => {
    const [, objectBucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri) ?? [];
    const object = await s3.send(new GetObjectCommand({ Bucket: objectBucket, Key: key }));
    return JSON.parse((await object.Body?.transformToString()) ?? '');
  };

  it('registers a PendingManualApproval package whose statistics point to the evaluation JSON in S3', async () => {
    // Act
    const executionArn = await run();

    // Assess
    const [registered] = cloud.sageMaker.registry.packages({ modelPackageGroupName: 'orders' });
    const described = await sagemaker.send(
      new DescribeModelPackageCommand({ ModelPackageName: registered.modelPackageArn }),
    );
    expect(described).toMatchObject({
      ModelPackageGroupName: 'orders',
      ModelPackageVersion: 1,
      ModelApprovalStatus: 'PendingManualApproval',
      MetadataProperties: { GeneratedBy: executionArn },
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json' } } },
    });
    const s3Uri = described.ModelMetrics?.ModelQuality?.Statistics?.S3Uri as string;
    expect(s3Uri).toBe(`s3://${bucket}/evaluation/orders-model/${executionArn.split('/').pop()}/evaluation.json`);
    expect(await readJson(s3Uri)).toEqual({ metrics: { roc_auc: { value: 0.88 }, accuracy: { value: 0.84 } } });
  });

  it('sends the package event to the default bus before the pipeline Succeeded event', async () => {
    // Act
    await run();

    // Assess
    const sagemakerEvents = cloud
      .events()
      .filter((entry) => entry.event.source === 'aws.sagemaker')
      .map((entry) => entry.event);
    expect(sagemakerEvents.map((event) => event['detail-type'])).toEqual([
      'SageMaker Model Building Pipeline Execution Status Change',
      'SageMaker Model Package State Change',
      'SageMaker Model Building Pipeline Execution Status Change',
    ]);
    const packageEvent = ModelPackageStateChangeEvent.parse(sagemakerEvents[1]);
    expect(packageEvent.detail).toMatchObject({
      ModelPackageGroupName: 'orders',
      ModelApprovalStatus: 'PendingManualApproval',
    });
    expect(sagemakerEvents[2].detail).toMatchObject({ currentPipelineExecutionStatus: 'Succeeded' });
  });

  it('uses the metrics list in order, repeats its last entry, and lets a run plan choose its own', async () => {
    // Act
    await run();
    await run();
    await run();
    await run();

    // Assess
    const packages = cloud.sageMaker.registry.packages({ modelPackageGroupName: 'orders' });
    const metrics = await Promise.all(packages.map((p) => readJson(p.statisticsS3Uri as string)));
    expect(metrics.map((report) => report.metrics.roc_auc.value)).toEqual([0.88, 0.81, 0.81, 0.55]);
    expect(packages.map((p) => p.modelPackageVersion)).toEqual([1, 2, 3, 4]);
  });

  it('registers nothing for a failed run', async () => {
    // Act
    const executionArn = await run('s3://x/incoming/orders/broken.csv');

    // Assess
    const described = await sagemaker.send(
      new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }),
    );
    expect(described.PipelineExecutionStatus).toBe('Failed');
    expect(cloud.sageMaker.registry.packages()).toEqual([]);
  });

  it("fails the run at RegisterModel when the evaluation bucket's export does not exist", async () => {
    // Prepare
    const { PipelineExecutionArn } = await sagemaker.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'misconfigured-model',
        ClientRequestToken: 'misconfigured-0123456789abcdef0123456789abcdef',
      }),
    );

    // Act
    await cloud.tick('10m');

    // Assess
    expect(await sagemaker.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn }))).toMatchObject({
      PipelineExecutionStatus: 'Failed',
      FailureReason: "Step 'RegisterModel' failed: no stack exports shop-local-NoSuchBucket",
    });
    expect(cloud.sageMaker.registry.packages({ modelPackageGroupName: 'misconfigured' })).toEqual([]);
  });

  it('creates the group the pipeline names when the cloud starts', () => {
    // Assess
    expect(cloud.sageMaker.registry.hasGroup('orders')).toBe(true);
  });
});
