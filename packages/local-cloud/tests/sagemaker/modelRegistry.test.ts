import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  type ModelApprovalStatus,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { ModelPackageStateChangeEvent } from '@fleet/shared';
import { LocalClock } from '../../src/clock/index.js';
import { LocalSageMaker, type SageMakerEvent } from '../../src/sagemaker/index.js';

const START = '2026-03-02T09:00:00.000Z';
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const GROUP = 'churn';
const packageArn = (version: number) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/${version}`;

describe('LocalSageMaker Model Registry over HTTP', () => {
  let clock: LocalClock;
  let sagemaker: LocalSageMaker;
  let client: SageMakerClient;
  let events: SageMakerEvent[];

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    events = [];
    sagemaker = new LocalSageMaker({
      clock,
      region: REGION,
      accountId: ACCOUNT,
      emit: (event) => {
        events.push(event);
      },
    });
    client = new SageMakerClient({
      endpoint: await sagemaker.listen(),
      region: REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: GROUP }));
  });

  afterEach(async () => {
    client.destroy();
    await sagemaker.close();
  });

  const createPackage = (status?: ModelApprovalStatus, extra: Record<string, unknown> = {}) =>
    client.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: GROUP,
        ...(status === undefined ? {} : { ModelApprovalStatus: status }),
        MetadataProperties: { GeneratedBy: 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/churn/execution/abc' },
        ModelMetrics: {
          ModelQuality: {
            Statistics: { ContentType: 'application/json', S3Uri: 's3://data/evaluation/churn/abc/evaluation.json' },
          },
        },
        ...extra,
      }),
    );

  it('gives the packages of a group consecutive versions in versioned ARNs', async () => {
    // Act
    const first = await createPackage();
    const second = await createPackage();

    // Assess
    expect([first.ModelPackageArn, second.ModelPackageArn]).toEqual([packageArn(1), packageArn(2)]);
  });

  it('describes a package with its metrics, metadata and PendingManualApproval by default', async () => {
    // Prepare
    const { ModelPackageArn } = await createPackage();

    // Act
    const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));

    // Assess
    expect(described).toMatchObject({
      ModelPackageGroupName: GROUP,
      ModelPackageVersion: 1,
      ModelPackageArn: packageArn(1),
      ModelPackageStatus: 'Completed',
      ModelApprovalStatus: 'PendingManualApproval',
      CreationTime: new Date(START),
      MetadataProperties: { GeneratedBy: 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/churn/execution/abc' },
      ModelMetrics: {
        ModelQuality: {
          Statistics: { ContentType: 'application/json', S3Uri: 's3://data/evaluation/churn/abc/evaluation.json' },
        },
      },
    });
  });

  it('answers ValidationException for a package that does not exist', async () => {
    // Act
    const outcome = client.send(new DescribeModelPackageCommand({ ModelPackageName: packageArn(9) }));

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: `ModelPackage ${packageArn(9)} does not exist.`,
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
  });

  it('answers ValidationException when the group does not exist or already exists', async () => {
    // Act
    const missing = client.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'no-such-group' }));
    const again = client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: GROUP }));

    // Assess
    await expect(missing).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('no-such-group'),
    });
    await expect(again).rejects.toMatchObject({
      name: 'ValidationException',
      message: `Model Package Group already exists: arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`,
    });
  });

  it('answers ValidationException naming the member for a group name SageMaker refuses', async () => {
    // Act
    const outcome = client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'churn_v2' }));

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("Value 'churn_v2' at 'modelPackageGroupName' failed to satisfy constraint"),
    });
  });

  it('returns the same package for a repeated ClientToken', async () => {
    // Act
    const first = await createPackage(undefined, { ClientToken: 'run-abc' });
    const again = await createPackage(undefined, { ClientToken: 'run-abc' });

    // Assess
    expect(again.ModelPackageArn).toBe(first.ModelPackageArn);
    expect(sagemaker.registry.packages()).toHaveLength(1);
  });

  it('describes and lists groups', async () => {
    // Prepare
    await clock.tick('1m');
    await client.send(
      new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'attrition', ModelPackageGroupDescription: 'hr' }),
    );

    // Act
    const described = await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'attrition' }));
    const listed = await client.send(new ListModelPackageGroupsCommand({}));
    const byName = await client.send(new ListModelPackageGroupsCommand({ SortBy: 'Name' }));

    // Assess
    expect(described).toMatchObject({
      ModelPackageGroupName: 'attrition',
      ModelPackageGroupArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/attrition`,
      ModelPackageGroupDescription: 'hr',
      ModelPackageGroupStatus: 'Completed',
    });
    expect(listed.ModelPackageGroupSummaryList?.map((g) => g.ModelPackageGroupName)).toEqual(['churn', 'attrition']);
    expect(byName.ModelPackageGroupSummaryList?.map((g) => g.ModelPackageGroupName)).toEqual(['attrition', 'churn']);
  });

  describe('ListModelPackages', () => {
    beforeEach(async () => {
      await createPackage('Approved');
      await clock.tick('1h');
      await createPackage('Rejected');
      await clock.tick('1h');
      await createPackage('Approved');
      await clock.tick('1h');
      await createPackage();
    });

    it('sorts ascending by creation time when no SortOrder is given, as AWS documents', async () => {
      // Act
      const listed = await client.send(new ListModelPackagesCommand({ ModelPackageGroupName: GROUP }));

      // Assess
      expect(listed.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion)).toEqual([1, 2, 3, 4]);
      expect(listed.ModelPackageSummaryList?.[0]).toMatchObject({
        ModelPackageGroupName: GROUP,
        ModelPackageArn: packageArn(1),
        ModelPackageStatus: 'Completed',
        ModelApprovalStatus: 'Approved',
        CreationTime: new Date(START),
      });
    });

    it('finds the newest Approved package with the status filter and SortOrder Descending', async () => {
      // Act
      const listed = await client.send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: GROUP,
          ModelApprovalStatus: 'Approved',
          SortBy: 'CreationTime',
          SortOrder: 'Descending',
          MaxResults: 1,
        }),
      );

      // Assess
      expect(listed.ModelPackageSummaryList?.map((p) => p.ModelPackageArn)).toEqual([packageArn(3)]);
      expect(listed.NextToken).toEqual(expect.any(String));
    });

    it('pages through the results with NextToken', async () => {
      // Act
      const first = await client.send(new ListModelPackagesCommand({ ModelPackageGroupName: GROUP, MaxResults: 3 }));
      const second = await client.send(
        new ListModelPackagesCommand({ ModelPackageGroupName: GROUP, MaxResults: 3, NextToken: first.NextToken }),
      );

      // Assess
      expect(first.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion)).toEqual([1, 2, 3]);
      expect(second.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion)).toEqual([4]);
      expect(second.NextToken).toBeUndefined();
    });

    it('accepts the group ARN and lists nothing for another group', async () => {
      // Act
      const byArn = await client.send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`,
          ModelApprovalStatus: 'Rejected',
        }),
      );
      const other = await client.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'attrition' }));

      // Assess
      expect(byArn.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion)).toEqual([2]);
      expect(other.ModelPackageSummaryList).toEqual([]);
    });
  });

  describe('UpdateModelPackage', () => {
    it('approves a pending package with its ApprovalDescription', async () => {
      // Prepare
      const { ModelPackageArn } = await createPackage();
      await clock.tick('5m');

      // Act
      const updated = await client.send(
        new UpdateModelPackageCommand({
          ModelPackageArn,
          ModelApprovalStatus: 'Approved',
          ApprovalDescription: 'Approved by @ana (U0ANA) in Slack',
        }),
      );
      const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));

      // Assess
      expect(updated.ModelPackageArn).toBe(ModelPackageArn);
      expect(described).toMatchObject({
        ModelApprovalStatus: 'Approved',
        ApprovalDescription: 'Approved by @ana (U0ANA) in Slack',
        LastModifiedTime: new Date('2026-03-02T09:05:00.000Z'),
      });
    });

    it('moves an Approved package to Rejected and back', async () => {
      // Prepare
      const { ModelPackageArn } = await createPackage('Approved');

      // Act
      await client.send(new UpdateModelPackageCommand({ ModelPackageArn, ModelApprovalStatus: 'Rejected' }));
      await client.send(new UpdateModelPackageCommand({ ModelPackageArn, ModelApprovalStatus: 'Approved' }));

      // Assess
      expect(sagemaker.registry.package(ModelPackageArn!)?.modelApprovalStatus).toBe('Approved');
    });

    it('refuses to put a decided package back to PendingManualApproval', async () => {
      // Prepare
      const { ModelPackageArn } = await createPackage('Rejected');

      // Act
      const outcome = client.send(
        new UpdateModelPackageCommand({ ModelPackageArn, ModelApprovalStatus: 'PendingManualApproval' }),
      );

      // Assess
      await expect(outcome).rejects.toMatchObject({
        name: 'ValidationException',
        message: `Cannot update ModelApprovalStatus of ${packageArn(1)} from Rejected to PendingManualApproval.`,
      });
      expect(sagemaker.registry.package(ModelPackageArn!)?.modelApprovalStatus).toBe('Rejected');
    });

    it('answers ValidationException for an unknown package', async () => {
      // Act
      const outcome = client.send(
        new UpdateModelPackageCommand({ ModelPackageArn: packageArn(7), ModelApprovalStatus: 'Approved' }),
      );

      // Assess
      await expect(outcome).rejects.toMatchObject({ name: 'ValidationException' });
    });

    it('answers an injected ConflictException once, then updates', async () => {
      // Prepare
      const { ModelPackageArn } = await createPackage();
      sagemaker.failNext('UpdateModelPackage', {
        code: 'ConflictException',
        message: 'There was a conflict when you attempted to modify a SageMaker entity.',
      });
      const update = () =>
        client.send(new UpdateModelPackageCommand({ ModelPackageArn, ModelApprovalStatus: 'Approved' }));

      // Act
      const first = update();
      await expect(first).rejects.toMatchObject({ name: 'ConflictException' });
      await update();

      // Assess
      expect(sagemaker.registry.package(ModelPackageArn!)?.modelApprovalStatus).toBe('Approved');
    });
  });

  describe('events', () => {
    it('sends several events for one change when told to, as SageMaker may', async () => {
      // Prepare
      sagemaker.repeatEvents('SageMaker Model Package State Change', 3);

      // Act
      await createPackage();
      await clock.tick(0);

      // Assess
      expect(events).toHaveLength(3);
      expect(new Set(events.map((event) => event.id)).size).toBe(3);
      expect(new Set(events.map((event) => JSON.stringify(event.detail))).size).toBe(1);
    });

    it('sends a Model Package State Change on creation and on each update, on the next tick', async () => {
      // Prepare
      const { ModelPackageArn } = await createPackage();
      const beforeTick = events.length;
      await clock.tick(0);
      await clock.tick('2m');
      await client.send(
        new UpdateModelPackageCommand({
          ModelPackageArn,
          ModelApprovalStatus: 'Rejected',
          ApprovalDescription: 'roc_auc 0.61 below minimum 0.7',
        }),
      );

      // Act
      await clock.tick(0);

      // Assess
      expect(beforeTick).toBe(0);
      expect(events).toHaveLength(2);
      const [created, rejected] = events.map((event) => ModelPackageStateChangeEvent.parse(event));
      expect(events[0]).toEqual({
        version: '0',
        id: expect.any(String),
        'detail-type': 'SageMaker Model Package State Change',
        source: 'aws.sagemaker',
        account: ACCOUNT,
        time: '2026-03-02T09:00:00Z',
        region: REGION,
        resources: [packageArn(1)],
        detail: {
          ModelPackageGroupName: GROUP,
          ModelPackageVersion: 1,
          ModelPackageArn: packageArn(1),
          ModelPackageName: GROUP,
          CreationTime: '2026-03-02T09:00:00Z',
          ModelPackageStatus: 'Completed',
          ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
          CertifyForMarketplace: false,
          ModelApprovalStatus: 'PendingManualApproval',
          MetadataProperties: { GeneratedBy: 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/churn/execution/abc' },
          ModelMetrics: {
            ModelQuality: {
              Statistics: { ContentType: 'application/json', S3Uri: 's3://data/evaluation/churn/abc/evaluation.json' },
            },
          },
          LastModifiedTime: '2026-03-02T09:00:00Z',
        },
      });
      expect(created.detail.ModelApprovalStatus).toBe('PendingManualApproval');
      expect(rejected.detail).toMatchObject({
        ModelApprovalStatus: 'Rejected',
        ApprovalDescription: 'roc_auc 0.61 below minimum 0.7',
        LastModifiedTime: '2026-03-02T09:02:00Z',
      });
      expect(rejected.time).toBe('2026-03-02T09:02:00Z');
    });
  });
});
