import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { recordsTableDefinition } from '../../src/index.js';

type TableProperties = {
  BillingMode: string;
  AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
  KeySchema: { AttributeName: string; KeyType: string }[];
  GlobalSecondaryIndexes: { IndexName: string }[];
};

const rootServerless = path.resolve(__dirname, '../../../../serverless.yml');

/** The RecordsTable properties of the core stack (CloudFormation tags such as !GetAtt kept as text). */
const deployedTable = () => {
  const doc = parseDocument(readFileSync(rootServerless, 'utf8'), { logLevel: 'silent' });
  const stack = doc.toJS() as { resources: { Resources: { RecordsTable: { Properties: TableProperties } } } };
  return stack.resources.Resources.RecordsTable.Properties;
};

const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: T[] = []) =>
  [...items].sort((a, b) =>
    String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)),
  );

describe('recordsTableDefinition', () => {
  it('matches the RecordsTable of the root serverless.yml', () => {
    // Prepare
    const deployed = deployedTable();

    // Act
    const local = recordsTableDefinition('fleet-dev-records');

    // Assess
    expect(local.BillingMode).toBe(deployed.BillingMode);
    expect(byName(local.AttributeDefinitions)).toEqual(byName(deployed.AttributeDefinitions));
    expect(local.KeySchema).toEqual(deployed.KeySchema);
    expect(byName(local.GlobalSecondaryIndexes)).toEqual(byName(deployed.GlobalSecondaryIndexes));
  });

  it('names the table as asked', () => {
    // Act
    const definition = recordsTableDefinition('fleet-prod-records');

    // Assess
    expect(definition.TableName).toBe('fleet-prod-records');
  });
});
