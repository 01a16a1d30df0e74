import { broadStatements } from './iamPolicy';

const role = (statements: unknown[]) => ({
  Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: statements } }],
});

describe('broadStatements', () => {
  it('flags a wildcard action', () => {
    const problems = broadStatements('r', role([{ Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::b/*' }]));

    expect(problems).toEqual(['r: wildcard action "s3:*"']);
  });

  it('flags a scopable action on Resource "*"', () => {
    const problems = broadStatements('r', role([{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' }]));

    expect(problems).toEqual(['r: "dynamodb:PutItem" on Resource "*" although it can be scoped']);
  });

  it('accepts Resource "*" for actions AWS cannot scope and scoped statements', () => {
    const problems = broadStatements(
      'r',
      role([
        { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'cloudwatch:PutMetricData'], Resource: '*' },
        { Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: { 'Fn::ImportValue': 'fleet-dev-RecordsTableArn' } },
      ]),
    );

    expect(problems).toEqual([]);
  });
});
