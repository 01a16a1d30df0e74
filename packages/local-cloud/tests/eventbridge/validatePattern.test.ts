import { InvalidEventPatternError } from '../../src/eventbridge/InvalidEventPatternError.js';
import { validatePattern } from '../../src/eventbridge/validatePattern.js';

describe('validatePattern', () => {
  const invalid: [string, unknown, string][] = [
    ['a pattern that is not an object', ['aws.s3'], 'Filter is not an object'],
    ['text that is not JSON', '{source: [', 'Filter is not valid JSON'],
    ['an empty pattern', {}, 'Empty objects are not allowed'],
    ['a bare value instead of a list', { source: 'aws.s3' }, '"source" must be an object or an array'],
    ['an empty value list', { source: [] }, 'Empty arrays are not allowed'],
    ['a nested list', { source: [['aws.s3']] }, 'Match value must be String, number, true, false, or null'],
    ['an empty match expression', { source: [{}] }, 'Match expression name not found'],
    [
      'two operators in one expression',
      { source: [{ prefix: 'a', suffix: 'b' }] },
      'Only one key allowed in match expression',
    ],
    ['an unknown operator', { source: [{ contains: 'a' }] }, 'Unrecognized match type contains'],
    ['a numeric prefix', { source: [{ prefix: 1 }] }, 'prefix match pattern must be a string'],
    ['a numeric suffix', { source: [{ suffix: 1 }] }, 'suffix match pattern must be a string'],
    [
      'an unknown prefix option',
      { source: [{ prefix: { 'ignore-case': 'a' } }] },
      'Unsupported prefix pattern: ignore-case',
    ],
    [
      'a numeric equals-ignore-case',
      { source: [{ 'equals-ignore-case': 1 }] },
      'equals-ignore-case match pattern must be a string',
    ],
    [
      'an anything-but boolean',
      { state: [{ 'anything-but': true }] },
      'Value of anything-but must be an array or single string/number value.',
    ],
    [
      'a mixed anything-but list',
      { state: [{ 'anything-but': ['a', 1] }] },
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    ],
    [
      'null in an anything-but list',
      { state: [{ 'anything-but': ['a', null] }] },
      'Inside anything but list, start|null|boolean is not supported.',
    ],
    ['an empty anything-but prefix', { state: [{ 'anything-but': { prefix: '' } }] }, 'Null prefix/suffix not allowed'],
    [
      'a numeric anything-but suffix',
      { state: [{ 'anything-but': { suffix: 1 } }] },
      'prefix/suffix match pattern must be a string',
    ],
    [
      'an ignore-case anything-but prefix',
      { state: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'a' } } }] },
      'Value of anything-but must be an array or single string/number value.',
    ],
    [
      'an unsupported anything-but operator',
      { state: [{ 'anything-but': { numeric: ['>', 1] } }] },
      'Unsupported anything-but pattern: numeric',
    ],
    [
      'numbers in an anything-but ignore-case list',
      { state: [{ 'anything-but': { 'equals-ignore-case': [1] } }] },
      'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    ],
    ['a numeric value that is not a list', { n: [{ numeric: 5 }] }, 'Value of numeric must be an array.'],
    ['an unknown numeric operator', { n: [{ numeric: ['!=', 5] }] }, 'Unrecognized numeric range operator: !='],
    ['a non-numeric bound', { n: [{ numeric: ['=', '5'] }] }, 'Value of equals must be numeric'],
    [
      'an upper bound after an upper bound',
      { n: [{ numeric: ['<', 5, '<', 6] }] },
      'Too many elements in numeric expression',
    ],
    ['a lower bound after a lower bound', { n: [{ numeric: ['>', 5, '>', 6] }] }, 'Bad numeric range operator: >'],
    ['an empty range', { n: [{ numeric: ['>', 5, '<', 5] }] }, 'Bottom must be less than top'],
    [
      'too many terms in a range',
      { n: [{ numeric: ['>', 0, '<', 5, '<', 6] }] },
      'Too many terms in numeric range expression',
    ],
    ['a non-boolean exists', { n: [{ exists: 'yes' }] }, 'exists match pattern must be either true or false.'],
    ['a CIDR without a mask', { ip: [{ cidr: '10.0.0.0' }] }, "Malformed CIDR, one '/' required"],
    ['a CIDR with a bad mask', { ip: [{ cidr: '10.0.0.0/x' }] }, 'Malformed CIDR, mask bits must be an integer'],
    ['a CIDR with a bad address', { ip: [{ cidr: '10.0.0.256/8' }] }, 'Nonstandard IP address: 10.0.0.256'],
    [
      'a CIDR mask beyond the address width',
      { ip: [{ cidr: '10.0.0.0/33' }] },
      'Malformed CIDR, mask bits must be between 0 and 32',
    ],
    ['a numeric CIDR', { ip: [{ cidr: 10 }] }, 'prefix match pattern must be a string'],
    ['consecutive wildcards', { name: [{ wildcard: 'a**b' }] }, 'Consecutive wildcard characters at pos 2'],
    [
      'an invalid wildcard escape',
      { name: [{ wildcard: 'a\\b' }] },
      'Wildcard pattern contains an invalid escape character at pos 2',
    ],
    ['a numeric wildcard', { name: [{ wildcard: 1 }] }, 'wildcard match pattern must be a string'],
    ['$or with one alternative', { $or: [{ a: ['x'] }] }, 'There must have at least 2 Objects in $or relationship.'],
    ['$or that is not a list', { $or: { a: ['x'] } }, 'It must be an Array followed with $or.'],
    [
      '$or with a value alternative',
      { $or: [{ a: ['x'] }, 'b'] },
      'Only JSON object is allowed in array of $or relationship.',
    ],
    [
      'an operator name as a field inside $or',
      { $or: [{ prefix: ['x'] }, { b: ['y'] }] },
      'prefix is Ruler reserved fieldName which cannot be used inside $or.',
    ],
  ];

  it.each(invalid)('throws InvalidEventPatternException for %s', (_name, pattern, reason) => {
    // Act
    const act = () => validatePattern(pattern);

    // Assess
    expect(act).toThrow(InvalidEventPatternError);
    expect(act).toThrow(`Event pattern is not valid. Reason: ${reason}`);
  });

  it('names the field where the problem is', () => {
    // Prepare
    const pattern = { detail: { object: { key: [{ prefix: 42 }] } } };

    // Act
    let caught: unknown;
    try {
      validatePattern(pattern);
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toMatchObject({ code: 'InvalidEventPatternException', path: 'detail.object.key' });
    expect((caught as Error).message).toContain('(at "detail.object.key")');
  });

  it('accepts every documented operator', () => {
    // Prepare
    const pattern = {
      source: [
        'aws.ec2',
        { prefix: 'aws.' },
        { suffix: 'ec2' },
        { 'equals-ignore-case': 'AWS.EC2' },
        { wildcard: 'aws.*' },
      ],
      detail: {
        a: [{ prefix: { 'equals-ignore-case': 'x' } }, { suffix: { 'equals-ignore-case': 'x' } }],
        b: [{ 'anything-but': 'x' }, { 'anything-but': [1, 2] }, { 'anything-but': { prefix: 'x' } }],
        c: [{ 'anything-but': { suffix: ['x', 'y'] } }, { 'anything-but': { 'equals-ignore-case': ['x'] } }],
        d: [{ 'anything-but': { wildcard: '*/lib/*' } }, { numeric: ['>=', 0, '<', 1e9] }, { numeric: ['=', 5] }],
        e: [{ exists: false }, { cidr: '2001:db8::/32' }, null, true, 1.5, ''],
        $or: [{ f: ['x'] }, { g: { h: ['y'] } }],
      },
    };

    // Act
    const act = () => validatePattern(pattern);

    // Assess
    expect(act).not.toThrow();
  });
});
