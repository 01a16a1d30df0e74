import 'aws-sdk-client-mock-jest';
import { CloudFormationClient, ListExportsCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { RecordsTableError, resolveRecordsTable } from '../../src/aws/index.js';

const cloudFormation = mockClient(CloudFormationClient);

describe('resolveRecordsTable', () => {
  beforeEach(() => {
    cloudFormation.reset();
  });

  it('returns --table before the environment and the stage', async () => {
    // Act
    const table = await resolveRecordsTable({ table: 'mine', stage: 'prod', env: { FLEET_RECORDS_TABLE: 'env' } });

    // Assess
    expect(table).toBe('mine');
    expect(cloudFormation).not.toHaveReceivedCommand(ListExportsCommand);
  });

  it('returns FLEET_RECORDS_TABLE when no --table is given', async () => {
    // Act
    const table = await resolveRecordsTable({ stage: 'prod', env: { FLEET_RECORDS_TABLE: 'fleet-local-records' } });

    // Assess
    expect(table).toBe('fleet-local-records');
    expect(cloudFormation).not.toHaveReceivedCommand(ListExportsCommand);
  });

  it('reads the stage export through every page of ListExports', async () => {
    // Prepare
    cloudFormation
      .on(ListExportsCommand, { NextToken: undefined })
      .resolves({ Exports: [{ Name: 'other-stack-Thing', Value: 'x' }], NextToken: 'page-2' })
      .on(ListExportsCommand, { NextToken: 'page-2' })
      .resolves({ Exports: [{ Name: 'fleet-prod-RecordsTableName', Value: 'fleet-prod-records' }] });

    // Act
    const table = await resolveRecordsTable({ stage: 'prod', region: 'eu-west-1', env: {} });

    // Assess
    expect(table).toBe('fleet-prod-records');
    expect(cloudFormation).toHaveReceivedCommandTimes(ListExportsCommand, 2);
  });

  it('throws naming the export and the region when the stage has no core stack', async () => {
    // Prepare
    cloudFormation.on(ListExportsCommand).resolves({ Exports: [] });

    // Act
    const resolving = resolveRecordsTable({ stage: 'qa', region: 'us-east-2', env: {} });

    // Assess
    await expect(resolving).rejects.toThrow(RecordsTableError);
    await expect(resolveRecordsTable({ stage: 'qa', region: 'us-east-2', env: {} })).rejects.toThrow(
      /no CloudFormation export fleet-qa-RecordsTableName in region us-east-2/,
    );
  });

  it('throws saying what to pass when neither a table nor a stage is given', async () => {
    // Act
    const resolving = resolveRecordsTable({ env: { FLEET_RECORDS_TABLE: ' ' } });

    // Assess
    await expect(resolving).rejects.toThrow(
      /no records table: pass --table <name>, set FLEET_RECORDS_TABLE, or pass --stage/,
    );
  });
});
