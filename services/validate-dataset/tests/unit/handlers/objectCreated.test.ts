import { ValidationError } from '@fleet/shared';
import { createObjectCreatedHandler, objectCreatedRequest } from '../../../src/handlers/objectCreated.js';
import { BUCKET, churnBaseline } from '../../support/fixtures.js';
import { lambdaContext } from '../../support/lambdaContext.js';
import { loadEvent } from '../../support/loadEvent.js';
import { memoryDependencies } from '../../support/memoryDependencies.js';

type ObjectCreatedFixture = {
  id: string;
  detail: { object: { key: string; etag?: string; 'version-id'?: string } };
};

describe('objectCreated handler', () => {
  it('decodes a URL-encoded key with a space, "+", ":" and "ä" before reading the object', async () => {
    // Prepare
    const { dependencies, objects, events } = memoryDependencies();
    const key = 'raw/churn/q1 data+v2:ä.csv';
    const version = objects.put(BUCKET, key, churnBaseline());
    const event = loadEvent<ObjectCreatedFixture>('object-created-encoded-key.json');
    event.detail.object.etag = version.etag;
    const handler = createObjectCreatedHandler(dependencies);

    // Act
    const outcome = await handler(event, lambdaContext());

    // Assess
    expect(event.detail.object.key).toBe('raw/churn/q1+data%2Bv2%3A%C3%A4.csv');
    expect(outcome).toMatchObject({ status: 'validated', key });
    expect(objects.opened).toEqual([{ bucket: BUCKET, key, etag: version.etag }]);
    expect(events.ofType('Dataset Validated')[0].detail).toMatchObject({
      key,
      profileKey: `profiles/churn/${key}.${version.etag}.json`,
    });
  });

  it('reads the version the event names and uses the event id as correlation id', async () => {
    // Prepare
    const { dependencies, objects, events, records } = memoryDependencies();
    const event = loadEvent<ObjectCreatedFixture>('object-created-versioned.json');
    const version = objects.put(BUCKET, event.detail.object.key, churnBaseline(), {
      versionId: event.detail.object['version-id'],
    });
    event.detail.object.etag = version.etag;
    const handler = createObjectCreatedHandler(dependencies);

    // Act
    await handler(event, lambdaContext());

    // Assess
    expect(objects.opened[0].versionId).toBe('IYV3p45BT0ac8hjHg1houSdS1a.Mro8e');
    const [published] = events.ofType('Dataset Validated');
    expect(published.detail).toMatchObject({
      correlationId: event.id,
      versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
      etag: version.etag,
    });
    expect(records.records.every((r) => r.correlationId === event.id)).toBe(true);
  });

  it('holds its claim until the invocation would time out', async () => {
    // Prepare
    const { dependencies, objects, records } = memoryDependencies();
    const event = loadEvent<ObjectCreatedFixture>('object-created.json');
    event.detail.object.etag = objects.put(BUCKET, event.detail.object.key, 'customer_id\n').etag;
    jest.spyOn(objects, 'open').mockRejectedValueOnce(new Error('connection reset'));
    const handler = createObjectCreatedHandler(dependencies);

    // Act
    const invocation = handler(event, lambdaContext(120_000));

    // Assess
    await expect(invocation).rejects.toThrow('connection reset');
    const [claim] = records.records;
    expect(Date.parse(String(claim.expiresAt)) - Date.parse(claim.at)).toBe(125_000);
  });

  it('acknowledges a profile object without validating it', async () => {
    // Prepare
    const { dependencies, objects, events, records } = memoryDependencies();
    const handler = createObjectCreatedHandler(dependencies);

    // Act
    const outcome = await handler(loadEvent('object-created-profile.json'), lambdaContext());

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'profile' });
    expect(objects.opened).toEqual([]);
    expect(events.published).toEqual([]);
    expect(records.records).toEqual([]);
  });

  it('throws a ValidationError naming the field when the event has no object key', async () => {
    // Prepare
    const { dependencies } = memoryDependencies();
    const event = loadEvent<{ detail: { object: Record<string, unknown> } }>('object-created.json');
    delete event.detail.object.key;
    const handler = createObjectCreatedHandler(dependencies);

    // Act
    const invocation = handler(event, lambdaContext());

    // Assess
    await expect(invocation).rejects.toThrow(ValidationError);
    await expect(invocation).rejects.toThrow('detail.object.key');
  });

  it('builds the request with the decoded key, the version id and the etag', () => {
    // Prepare
    const event = loadEvent<ObjectCreatedFixture>('object-created-versioned.json');
    event.detail.object.key = 'raw/churn/red+flower%2B%3A%C3%A9.csv';

    // Act
    // biome-ignore lint/suspicious/noExplicitAny: the fixture is the parsed event
    const request = objectCreatedRequest(event as any, 'corr-1');

    // Assess
    expect(request).toEqual({
      bucket: BUCKET,
      key: 'raw/churn/red flower+:é.csv',
      versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
      etag: 'b1946ac92492d2347c6235b4d2611184',
      correlationId: 'corr-1',
    });
  });
});
