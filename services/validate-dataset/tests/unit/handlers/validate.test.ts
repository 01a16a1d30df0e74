import { ConfigError, ValidationError } from '@fleet/shared';
import { createValidateHandler } from '../../../src/handlers/validate.js';
import { BUCKET, brokenChurn, churnBaseline } from '../../support/fixtures.js';
import { lambdaContext } from '../../support/lambdaContext.js';
import { loadEvent } from '../../support/loadEvent.js';
import { memoryDependencies } from '../../support/memoryDependencies.js';

type ValidateFixture = { key: string; versionId?: string; correlationId?: string };

describe('validate handler', () => {
  it('returns the summary of the validation, reading the data bucket when the request names none', async () => {
    // Prepare
    const { dependencies, objects, events } = memoryDependencies(BUCKET);
    const request = loadEvent<ValidateFixture>('validate-request.json');
    objects.put(BUCKET, request.key, churnBaseline(), { versionId: request.versionId });
    const handler = createValidateHandler(dependencies);

    // Act
    const outcome = await handler(request, lambdaContext());

    // Assess
    expect(outcome).toMatchObject({
      status: 'validated',
      passed: true,
      dataset: 'churn',
      bucket: BUCKET,
      key: request.key,
      versionId: request.versionId,
      rows: 8000,
      issueCounts: {},
      correlationId: 'backfill-2024-05-01',
      profileKey: `profiles/churn/${request.key}.${request.versionId}.json`,
    });
    expect(outcome).toHaveProperty('recordKey', expect.stringMatching(/^DATASET#churn\|.+#validation#[0-9a-f]{20}$/));
    expect(events.ofType('Dataset Validated')[0].detail.correlationId).toBe('backfill-2024-05-01');
  });

  it('returns the issues of a rejected dataset and takes the Lambda request id as correlation id', async () => {
    // Prepare
    const { dependencies, objects, events } = memoryDependencies();
    objects.put(BUCKET, 'raw/churn/bad.csv', brokenChurn());
    const handler = createValidateHandler(dependencies);

    // Act
    const outcome = await handler({ bucket: BUCKET, key: 'raw/churn/bad.csv' }, lambdaContext());

    // Assess
    expect(outcome).toMatchObject({
      status: 'rejected',
      issueCounts: { below_min: 1, not_in_values: 1 },
      issues: [expect.objectContaining({ code: 'below_min' }), expect.objectContaining({ code: 'not_in_values' })],
      correlationId: 'req-0000-1111',
    });
    expect(events.ofType('Dataset Rejected')).toHaveLength(1);
  });

  it('answers a second request for the same version with the earlier verdict and emits nothing', async () => {
    // Prepare
    const { dependencies, objects, events } = memoryDependencies(BUCKET);
    objects.put(BUCKET, 'raw/churn/a.csv', churnBaseline());
    const handler = createValidateHandler(dependencies);
    await handler({ key: 'raw/churn/a.csv' }, lambdaContext());

    // Act
    const again = await handler({ key: 'raw/churn/a.csv' }, lambdaContext());

    // Assess
    expect(again).toMatchObject({ status: 'duplicate', verdict: 'validated', rows: 8000 });
    expect(events.published).toHaveLength(1);
  });

  it('throws a ValidationError naming a misspelt field', async () => {
    // Prepare
    const { dependencies } = memoryDependencies(BUCKET);
    const handler = createValidateHandler(dependencies);

    // Act
    const invocation = handler({ key: 'raw/churn/a.csv', versionID: 'v1' }, lambdaContext());

    // Assess
    await expect(invocation).rejects.toThrow(ValidationError);
    await expect(invocation).rejects.toThrow('versionID');
  });

  it('throws a ConfigError when neither the request nor DATA_BUCKET names a bucket', async () => {
    // Prepare
    const { dependencies } = memoryDependencies();
    const handler = createValidateHandler(dependencies);

    // Act
    const invocation = handler({ key: 'raw/churn/a.csv' }, lambdaContext());

    // Assess
    await expect(invocation).rejects.toThrow(ConfigError);
    await expect(invocation).rejects.toThrow('DATA_BUCKET is not set');
  });
});
