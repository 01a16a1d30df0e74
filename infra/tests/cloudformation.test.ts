import { broadStatements } from './iamPolicy';
import { packageAllStacks, type Template } from './packagedStacks';

// Packages every stack once (about 5 s each) and checks the generated CloudFormation.
let templates: Map<string, Template>;

beforeAll(() => {
  templates = packageAllStacks('dev');
}, 180_000);

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** The logical id a `Fn::GetAtt`/`Ref` value points to, if any. */
const referencedId = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { Ref?: string; 'Fn::GetAtt'?: string[] | string };
  if (typeof v.Ref === 'string') return v.Ref;
  const att = v['Fn::GetAtt'];
  if (Array.isArray(att)) return att[0];
  if (typeof att === 'string') return att.split('.')[0];
  return undefined;
};

describe('packaged stacks', () => {
  it('packages the core stack and every service stack offline', () => {
    expect([...templates.keys()]).toContain('.');
    for (const template of templates.values()) expect(Object.keys(template.Resources).length).toBeGreaterThan(0);
  });

  it('exports the core outputs the services import', () => {
    const core = templates.get('.') as Template & { Outputs: Record<string, { Export?: { Name: string } }> };
    const exported = Object.values(core.Outputs).map((o) => o.Export?.Name);
    for (const name of ['EventBusName', 'EventBusArn', 'RecordsTableName', 'RecordsTableArn', 'DeadLetterQueueArn']) {
      expect(exported).toContain(`fleet-dev-${name}`);
    }
  });

  it('grants no wildcard action and no unscoped resource where the API supports scoping', () => {
    const problems: string[] = [];
    for (const [stack, template] of templates) {
      for (const [id, role] of resourcesOf(template, 'AWS::IAM::Role')) {
        problems.push(...broadStatements(`${stack}/${id}`, role.Properties ?? {}));
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every function its own role', () => {
    for (const [stack, template] of templates) {
      const roles = resourcesOf(template, 'AWS::Lambda::Function').map(([, fn]) => referencedId(fn.Properties?.Role));
      expect({ stack, shared: roles.filter((r, i) => roles.indexOf(r) !== i) }).toEqual({ stack, shared: [] });
    }
  });

  it('gives every SNS subscription a redrive policy to a dead-letter queue', () => {
    const missing: string[] = [];
    let subscriptions = 0;
    for (const [stack, template] of templates) {
      for (const [id, subscription] of resourcesOf(template, 'AWS::SNS::Subscription')) {
        subscriptions += 1;
        const redrive = subscription.Properties?.RedrivePolicy as { deadLetterTargetArn?: unknown } | undefined;
        if (redrive?.deadLetterTargetArn === undefined) missing.push(`${stack}/${id}`);
      }
    }
    expect(subscriptions).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('gives every EventBridge target a dead-letter queue and a retry policy', () => {
    const missing: string[] = [];
    for (const [stack, template] of templates) {
      for (const [id, rule] of resourcesOf(template, 'AWS::Events::Rule')) {
        for (const target of (rule.Properties?.Targets ?? []) as {
          Id: string;
          DeadLetterConfig?: { Arn?: unknown };
        }[]) {
          if (target.DeadLetterConfig?.Arn === undefined) missing.push(`${stack}/${id}/${target.Id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every asynchronously invoked function an on-failure destination or dead-letter queue', () => {
    const missing: string[] = [];
    for (const [stack, template] of templates) {
      const withDestination = new Set(
        resourcesOf(template, 'AWS::Lambda::EventInvokeConfig')
          .filter(([, cfg]) => (cfg.Properties?.DestinationConfig as { OnFailure?: unknown })?.OnFailure)
          .map(([, cfg]) => referencedId(cfg.Properties?.FunctionName) ?? String(cfg.Properties?.FunctionName)),
      );
      for (const [id, fn] of resourcesOf(template, 'AWS::Lambda::Function')) {
        const dlq = (fn.Properties?.DeadLetterConfig as { TargetArn?: unknown })?.TargetArn;
        if (dlq === undefined && !withDestination.has(id)) missing.push(`${stack}/${id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
