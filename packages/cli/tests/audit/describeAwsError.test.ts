import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { describeAwsError } from '../../src/aws/describeAwsError.js';

const where = { resource: 'table fleet-prod-records', region: 'eu-west-1' };

describe('describeAwsError', () => {
  it('says a missing table is missing, where', () => {
    // Act
    const message = describeAwsError(new ResourceNotFoundException({ message: 'not found', $metadata: {} }), where);

    // Assess
    expect(message).toBe('no table fleet-prod-records in region eu-west-1 (ResourceNotFoundException: not found)');
  });

  it('says what to configure when credentials or the region are missing', () => {
    // Act
    const credentials = describeAwsError(
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      where,
    );
    const region = describeAwsError(new Error('Region is missing'), where);

    // Assess
    expect(credentials).toMatch(/^no AWS credentials for table fleet-prod-records in region eu-west-1: configure/);
    expect(region).toBe('no AWS region for table fleet-prod-records: pass --region or set AWS_REGION');
  });

  it('says access was refused, and an endpoint that does not answer', () => {
    // Act
    const refused = describeAwsError(
      Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: {} }),
      where,
    );
    const unreachable = describeAwsError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      where,
    );

    // Assess
    expect(refused).toBe(
      'AWS refused access to table fleet-prod-records in region eu-west-1 (AccessDeniedException: not authorized)',
    );
    expect(unreachable).toMatch(
      /^cannot reach the service for table fleet-prod-records in region eu-west-1: ECONNREFUSED/,
    );
  });

  it('leaves an error that is not the SDK’s to the caller', () => {
    // Act
    const message = describeAwsError(new TypeError('x is undefined'), where);

    // Assess
    expect(message).toBeUndefined();
  });
});
