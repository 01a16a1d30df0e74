import {
  type FleetDetailType,
  fleetEventSchema,
  fleetEvents,
  formatZodIssues,
  ModelPackageStateChangeEvent,
  PipelineExecutionStatusChangeEvent,
  S3ObjectCreatedEvent,
  ScheduledEvent,
} from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';

// biome-ignore lint/suspicious/noExplicitAny: tests break fixtures field by field
type Json = Record<string, any>;

// AWS fixtures are the documented examples: S3 user guide "EventBridge event message structure",
// EventBridge "Scheduled Event", SageMaker developer guide "Events that Amazon SageMaker sends to
// Amazon EventBridge" (the model package example there repeats "source" as an array; the event
// SageMaker sends has one string source, which is what the fixture keeps).
const awsCases = [
  {
    name: 'S3 Object Created',
    file: 'aws/s3-object-created.json',
    schema: S3ObjectCreatedEvent,
    breakIt: (e: Json) => delete e.detail.bucket.name,
    field: 'detail.bucket.name',
  },
  {
    name: 'Scheduled Event',
    file: 'aws/scheduled-event.json',
    schema: ScheduledEvent,
    breakIt: (e: Json) => (e.source = 'aws.s3'),
    field: 'source',
  },
  {
    name: 'Pipeline Execution Status Change',
    file: 'aws/sagemaker-pipeline-execution-status-change.json',
    schema: PipelineExecutionStatusChangeEvent,
    breakIt: (e: Json) => (e.detail.currentPipelineExecutionStatus = 'Done'),
    field: 'detail.currentPipelineExecutionStatus',
  },
  {
    name: 'Model Package State Change',
    file: 'aws/sagemaker-model-package-state-change.json',
    schema: ModelPackageStateChangeEvent,
    breakIt: (e: Json) => delete e.detail.ModelPackageArn,
    field: 'detail.ModelPackageArn',
  },
];

const fleetFixtures: Record<FleetDetailType, string> = {
  'Dataset Validated': 'dataset-validated',
  'Dataset Rejected': 'dataset-rejected',
  'Retraining Started': 'retraining-started',
  'Retraining Skipped': 'retraining-skipped',
  'Retraining Succeeded': 'retraining-succeeded',
  'Retraining Failed': 'retraining-failed',
  'Drift Detected': 'drift-detected',
  'Drift Cleared': 'drift-cleared',
  'Approval Requested': 'approval-requested',
  'Approval Decided': 'approval-decided',
  'Model Deployed': 'model-deployed',
  'Deployment Failed': 'deployment-failed',
};

describe('AWS-native event schemas', () => {
  it.each(awsCases)('accepts the documented $name example', ({ file, schema }) => {
    // Prepare
    const event = loadFixture(file);

    // Act
    const result = schema.safeParse(event);

    // Assess
    expect(result.success).toBe(true);
  });

  it.each(awsCases)('rejects a broken $name naming $field', ({ file, schema, breakIt, field }) => {
    // Prepare
    const event = loadFixture<Json>(file);
    breakIt(event);

    // Act
    const result = schema.safeParse(event);

    // Assess
    expect(result.success).toBe(false);
    expect(formatZodIssues(result.error!)).toContain(`${field}:`);
  });

  it('keeps the URL-encoded S3 key as sent', () => {
    // Prepare
    const event = loadFixture<Json>('aws/s3-object-created.json');
    event.detail.object.key = 'raw/churn/red+flower%3A2024.csv';

    // Act
    const parsed = S3ObjectCreatedEvent.parse(event);

    // Assess
    expect(parsed.detail.object.key).toBe('raw/churn/red+flower%3A2024.csv');
  });
});

describe('fleet event catalog', () => {
  it('has one fixture per detail-type', () => {
    // Prepare
    const catalog = Object.keys(fleetEvents).sort();

    // Act
    const covered = Object.keys(fleetFixtures).sort();

    // Assess
    expect(covered).toEqual(catalog);
  });

  it.each(Object.entries(fleetFixtures))('accepts the %s fixture with its source', (detailType, file) => {
    // Prepare
    const event = loadFixture(`fleet/${file}.json`);
    const schema = fleetEventSchema(detailType as FleetDetailType);

    // Act
    const result = schema.safeParse(event);

    // Assess
    expect(result.error).toBeUndefined();
    expect(result.data?.source).toBe(fleetEvents[detailType as FleetDetailType].source);
  });

  it.each(Object.entries(fleetFixtures))('rejects a %s without correlationId, naming the field', (detailType, file) => {
    // Prepare
    const event = loadFixture<Json>(`fleet/${file}.json`);
    delete event.detail.correlationId;

    // Act
    const result = fleetEventSchema(detailType as FleetDetailType).safeParse(event);

    // Assess
    expect(result.success).toBe(false);
    expect(formatZodIssues(result.error!)).toContain('detail.correlationId:');
  });

  it.each(Object.entries(fleetFixtures))('rejects a %s without eventKey, naming the field', (detailType, file) => {
    // Prepare
    const event = loadFixture<Json>(`fleet/${file}.json`);
    delete event.detail.eventKey;

    // Act
    const result = fleetEventSchema(detailType as FleetDetailType).safeParse(event);

    // Assess
    expect(result.success).toBe(false);
    expect(formatZodIssues(result.error!)).toContain('detail.eventKey:');
  });

  it('rejects a fleet event sent from the wrong source', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/retraining-started.json');
    event.source = 'fleet.notify';

    // Act
    const result = fleetEventSchema('Retraining Started').safeParse(event);

    // Assess
    expect(formatZodIssues(result.error!)).toContain('source:');
  });

  it('rejects a dataset outcome with neither versionId nor etag, naming versionId', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/dataset-validated.json');
    delete event.detail.versionId;
    delete event.detail.etag;

    // Act
    const result = fleetEventSchema('Dataset Validated').safeParse(event);

    // Assess
    expect(formatZodIssues(result.error!)).toContain('detail.versionId: versionId or etag is required');
  });

  it('rejects an unknown skip reason, naming the field', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/retraining-skipped.json');
    event.detail.skipReason = 'bored';

    // Act
    const result = fleetEventSchema('Retraining Skipped').safeParse(event);

    // Assess
    expect(formatZodIssues(result.error!)).toContain('detail.skipReason:');
  });
});

describe('approval details', () => {
  it('accepts a decision with the package version, the attempt and the Slack user name', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/approval-decided.json');
    Object.assign(event.detail, { modelPackageVersion: 7, attempt: 2, decidedByName: 'ana' });

    // Act
    const result = fleetEventSchema('Approval Decided').safeParse(event);

    // Assess
    expect(result.error).toBeUndefined();
    expect(result.data?.detail).toMatchObject({ modelPackageVersion: 7, attempt: 2, decidedByName: 'ana' });
  });

  it('rejects an attempt of 0, naming the field', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/approval-requested.json');
    event.detail.attempt = 0;

    // Act
    const result = fleetEventSchema('Approval Requested').safeParse(event);

    // Assess
    expect(formatZodIssues(result.error!)).toContain('detail.attempt:');
  });
});
