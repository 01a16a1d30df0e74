/** Actions AWS does not let a policy scope to a resource, so `Resource: '*'` is the only form. */
export const unscopableActions = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'cloudwatch:PutMetricData',
  'sagemaker:ListPipelineExecutions',
  'sagemaker:ListModelPackages',
  // A task token names the task; Step Functions has no resource-level permissions for these.
  'states:SendTaskSuccess',
]);

type Statement = { Effect?: string; Action?: unknown; Resource?: unknown };

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * Lists what is too broad in one IAM role's inline policies: a wildcard in an action, or a
 * `*` resource on an action that AWS lets you scope.
 */
export const broadStatements = (roleName: string, properties: Record<string, unknown>): string[] => {
  const problems: string[] = [];
  const policies = asList(properties.Policies) as { PolicyName?: unknown; PolicyDocument?: { Statement?: unknown } }[];
  for (const policy of policies) {
    for (const statement of asList(policy.PolicyDocument?.Statement) as Statement[]) {
      if (statement.Effect !== 'Allow') continue;
      const actions = asList(statement.Action).map(String);
      const resources = asList(statement.Resource);
      for (const action of actions) {
        if (action.includes('*')) problems.push(`${roleName}: wildcard action "${action}"`);
      }
      if (resources.some((r) => r === '*')) {
        for (const action of actions.filter((a) => !unscopableActions.has(a))) {
          problems.push(`${roleName}: "${action}" on Resource "*" although it can be scoped`);
        }
      }
    }
  }
  return problems;
};
