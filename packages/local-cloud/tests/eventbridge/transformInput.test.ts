// Cases from AWS's "Transforming Amazon EventBridge target input" page.
import { InputTransformError } from '../../src/eventbridge/InputTransformError.js';
import type { LocalEvent } from '../../src/eventbridge/LocalEvent.js';
import { readJsonPath } from '../../src/eventbridge/readJsonPath.js';
import { transformInput } from '../../src/eventbridge/transformInput.js';

const event: LocalEvent = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING', count: 5 },
};

const context = {
  ruleName: 'example',
  ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
  ingestionTime: '2015-11-11T21:29:55.000Z',
};

const inputPathsMap = {
  timestamp: '$.time',
  instance: '$.detail.instance-id',
  state: '$.detail.state',
  count: '$.detail.count',
};
const transform = (inputTemplate: string) =>
  transformInput(event, { inputTransformer: { inputPathsMap, inputTemplate } }, context);

describe('transformInput', () => {
  const documented: [string, string, unknown, Record<string, string>?][] = [
    ['a simple string', '"instance <instance> is in <state>"', 'instance i-0123456789 is in RUNNING'],
    [
      'a string with escaped quotes',
      '"instance \\"<instance>\\" is in <state>"',
      'instance "i-0123456789" is in RUNNING',
    ],
    ['simple JSON', '{"instance" : <instance>, "state": <state>}', { instance: 'i-0123456789', state: 'RUNNING' }],
    [
      'JSON with strings and variables',
      '{"instance" : <instance>, "state": "<state>", "instanceStatus": "instance \\"<instance>\\" is in <state>"}',
      { instance: 'i-0123456789', state: 'RUNNING', instanceStatus: 'instance "i-0123456789" is in RUNNING' },
    ],
    [
      'JSON with variables and static values',
      '{"instance" : <instance>, "state": [ 9, <state>, true ], "Transformed" : "Yes"}',
      { instance: 'i-0123456789', state: [9, 'RUNNING', true], Transformed: 'Yes' },
    ],
    [
      'reserved variables in JSON',
      '{"ruleArn" : <aws.events.rule-arn>, "ruleName" : <aws.events.rule-name>, "originalEvent" : <aws.events.event>, "at": <aws.events.event.ingestion-time>}',
      { ruleArn: context.ruleArn, ruleName: 'example', originalEvent: event, at: context.ingestionTime },
    ],
    ['reserved variables in a string', '"<aws.events.rule-name> triggered"', 'example triggered'],
    ['a number outside and inside quotes', '{"n": <count>, "text": "n=<count>"}', { n: 5, text: 'n=5' }],
    [
      'a variable whose path is missing',
      '{"x": <missing>, "text": "[<missing>]"}',
      { x: '', text: '[]' },
      { missing: '$.detail.nope' },
    ],
    ['an undeclared placeholder, left as written', '"<b>bold</b> <state>"', '<b>bold</b> RUNNING'],
  ];

  it.each(documented)('fills %s', (_name, template, expected, paths = inputPathsMap) => {
    // Act
    const result = transformInput(
      event,
      { inputTransformer: { inputPathsMap: paths, inputTemplate: template } },
      context,
    );

    // Assess
    expect(result).toEqual(expected);
  });

  it('returns the event itself when the rule has no input option', () => {
    // Act
    const result = transformInput(event, {}, context);

    // Assess
    expect(result).toBe(event);
  });

  it('returns the fixed input, parsing JSON text', () => {
    // Act
    const fromObject = transformInput(event, { input: { pipeline: 'orders' } }, context);
    const fromText = transformInput(event, { input: '{"pipeline":"orders"}' }, context);

    // Assess
    expect([fromObject, fromText]).toEqual([{ pipeline: 'orders' }, { pipeline: 'orders' }]);
  });

  it('returns the part of the event an inputPath selects', () => {
    // Act
    const detail = transformInput(event, { inputPath: '$.detail' }, context);
    const resource = transformInput(event, { inputPath: '$.resources[0]' }, context);

    // Assess
    expect(detail).toEqual(event.detail);
    expect(resource).toBe('arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111');
  });

  it('throws InputTransformError when the filled-in template is not valid JSON', () => {
    // Act
    const act = () => transform('{"instance": <instance>,}');

    // Assess
    expect(act).toThrow(InputTransformError);
    expect(act).toThrow(/rule example: the input template does not give valid JSON once filled in/);
  });

  it('throws InputTransformError for a reserved variable name or a malformed path', () => {
    // Act
    const reserved = () =>
      transformInput(
        event,
        { inputTransformer: { inputPathsMap: { 'aws.events.event': '$' }, inputTemplate: '{}' } },
        context,
      );
    const malformed = () => transformInput(event, { inputPath: 'detail.state' }, context);

    // Assess
    expect(reserved).toThrow('rule example: inputPathsMap cannot redefine the reserved variable aws.events.event');
    expect(malformed).toThrow('rule example: JSON path "detail.state" must start with $');
  });
});

describe('readJsonPath', () => {
  it('reads dotted, bracketed and indexed paths and returns undefined for missing ones', () => {
    // Act
    const values = [
      readJsonPath(event, '$'),
      readJsonPath(event, '$.detail-type'),
      readJsonPath(event, "$['detail']['instance-id']"),
      readJsonPath(event, '$.resources[0]'),
      readJsonPath(event, '$.detail.nope.deeper'),
      readJsonPath(event, '$.resources[3]'),
    ];

    // Assess
    expect(values).toEqual([event, event['detail-type'], 'i-0123456789', event.resources[0], undefined, undefined]);
  });
});
