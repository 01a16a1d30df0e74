// Cases follow AWS's "Content filtering in Amazon EventBridge event patterns", "Creating event
// patterns" and "Comparison operators" pages and the Event Ruler README examples they come from.

import { compilePattern } from '../../src/eventbridge/compilePattern.js';
import { matchesPattern } from '../../src/eventbridge/matchesPattern.js';
import autoscalingLaunch from './events/autoscaling-launch.json';
import ec2StateChange from './events/ec2-state-change.json';
import employees from './events/employees.json';
import macieAlert from './events/macie-alert.json';
import s3ObjectCreated from './events/s3-object-created.json';

type Case = [string, unknown, unknown, boolean];

const withDetail = (detail: Record<string, unknown>) => ({ ...ec2StateChange, detail });

describe('matchesPattern', () => {
  describe('exact values', () => {
    const cases: Case[] = [
      [
        'matches the documented EC2 termination pattern',
        {
          source: ['aws.ec2'],
          'detail-type': ['EC2 Instance State-change Notification'],
          detail: { state: ['running'] },
        },
        ec2StateChange,
        true,
      ],
      ['does not match another state', { detail: { state: ['terminated'] } }, ec2StateChange, false],
      ['matches any of several values', { source: ['aws.ec2', 'aws.fargate'] }, ec2StateChange, true],
      ['compares strings case-sensitively', { detail: { state: ['Running'] } }, ec2StateChange, false],
      ['matches a nested number', { detail: { 'risk-score': [80], trigger: { risk: [8] } } }, macieAlert, true],
      ['does not match another number', { detail: { 'risk-score': [81] } }, macieAlert, false],
      [
        'matches 3.0 in the event with 3 in the pattern',
        { detail: { n: [3] } },
        JSON.parse('{"detail":{"n":3.0}}'),
        true,
      ],
      [
        'matches 3 in the event with 3.0e0 in the pattern',
        JSON.parse('{"detail":{"n":[3.0e0]}}'),
        withDetail({ n: 3 }),
        true,
      ],
      ['does not match a number with its string form', { detail: { n: [5] } }, withDetail({ n: '5' }), false],
      ['does not match a string with a number', { detail: { n: ['5'] } }, withDetail({ n: 5 }), false],
      ['matches null', { detail: { responseElements: [null] } }, autoscalingLaunch, true],
      ['does not match a missing field with null', { detail: { absent: [null] } }, autoscalingLaunch, false],
      ['matches the empty string', { detail: { eventVersion: [''] } }, autoscalingLaunch, true],
      ['does not match null with the empty string', { detail: { responseElements: [''] } }, autoscalingLaunch, false],
      ['matches true', { detail: { flag: [true] } }, withDetail({ flag: true }), true],
      ['does not match the string "true" with true', { detail: { flag: [true] } }, withDetail({ flag: 'true' }), false],
      ['matches false', { detail: { flag: [false] } }, withDetail({ flag: false }), true],
      ['does not match an object with a value', { detail: ['x'] }, ec2StateChange, false],
      [
        'requires every field of the pattern',
        { source: ['aws.ec2'], detail: { missing: ['x'] } },
        ec2StateChange,
        false,
      ],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('arrays in events', () => {
    const cases: Case[] = [
      ['matches when one element of the event array matches', { detail: { tags: ['Insider'] } }, macieAlert, true],
      ['does not match when no element matches', { detail: { tags: ['Outsider'] } }, macieAlert, false],
      [
        'matches resources by intersection',
        { resources: ['x', 'arn:aws:macie:us-east-1:123456789012:trigger/trigger_id'] },
        macieAlert,
        true,
      ],
      ['matches a field of an object inside an array', { employees: { firstName: ['Anna'] } }, employees, true],
      [
        'matches two fields of the same array element',
        { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
        employees,
        true,
      ],
      [
        'does not combine fields of different array elements',
        { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
        employees,
        false,
      ],
      ['matches inside nested arrays', { a: { b: [2] } }, { a: [[{ b: 1 }], [{ b: 2 }]] }, true],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('prefix and suffix', () => {
    const cases: Case[] = [
      ['matches a prefix', { time: [{ prefix: '2017-10-02' }] }, ec2StateChange, true],
      ['does not match another prefix', { time: [{ prefix: '2017-10-03' }] }, ec2StateChange, false],
      ['matches an S3 key prefix', { detail: { object: { key: [{ prefix: 'incoming/' }] } } }, s3ObjectCreated, true],
      ['does not match a prefix on a number', { detail: { 'c-count': [{ prefix: '5' }] } }, ec2StateChange, false],
      [
        'matches a prefix ignoring case',
        { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
        withDetail({ service: 'eventbridge' }),
        true,
      ],
      [
        'does not match another prefix ignoring case',
        { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
        withDetail({ service: 'lambda' }),
        false,
      ],
      ['matches a suffix', { detail: { FileName: [{ suffix: '.png' }] } }, withDetail({ FileName: 'image.png' }), true],
      [
        'does not match another suffix',
        { detail: { FileName: [{ suffix: '.png' }] } },
        withDetail({ FileName: 'image.PNG' }),
        false,
      ],
      [
        'matches a suffix ignoring case',
        { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
        withDetail({ FileName: 'IMAGE.PNG' }),
        true,
      ],
      [
        'does not match another suffix ignoring case',
        { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
        withDetail({ FileName: 'image.jpg' }),
        false,
      ],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('anything-but', () => {
    const cases: Case[] = [
      [
        'matches a state other than the excluded one',
        { detail: { state: [{ 'anything-but': 'initializing' }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match the excluded state',
        { detail: { state: [{ 'anything-but': 'running' }] } },
        ec2StateChange,
        false,
      ],
      ['matches null', { detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({ state: null }), true],
      [
        'does not match a missing field',
        { detail: { missing: [{ 'anything-but': 'initializing' }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches a number other than the excluded one',
        { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match the excluded number',
        { detail: { 'x-limit': [{ 'anything-but': 301.8 }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches a value outside a string list',
        { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match a value in a string list',
        { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches a value outside a number list',
        { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match a value in a number list',
        { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
        withDetail({ 'x-limit': 200 }),
        false,
      ],
      [
        'matches a value without the excluded prefix',
        { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match a value with the excluded prefix',
        { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
        withDetail({ state: 'initializing' }),
        false,
      ],
      [
        'matches a number against an excluded prefix',
        { detail: { 'c-count': [{ 'anything-but': { prefix: '5' } }] } },
        ec2StateChange,
        true,
      ],
      [
        'matches a value without any excluded prefix of a list',
        { detail: { state: [{ 'anything-but': { prefix: ['init', 'stop'] } }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match a value with one excluded prefix of a list',
        { detail: { state: [{ 'anything-but': { prefix: ['init', 'run'] } }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches a file without the excluded suffix',
        { detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } },
        withDetail({ FileName: 'a.txt' }),
        true,
      ],
      [
        'does not match a file with the excluded suffix',
        { detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } },
        withDetail({ FileName: 'a.png' }),
        false,
      ],
      [
        'matches another state ignoring case',
        { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match the excluded state in another case',
        { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
        withDetail({ state: 'INITIALIZING' }),
        false,
      ],
      [
        'does not match a state in an ignore-case list',
        { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['stopped', 'RUNNING'] } }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches a path outside the excluded wildcard',
        { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
        withDetail({ FilePath: 'dir/src/file' }),
        true,
      ],
      [
        'does not match a path inside the excluded wildcard',
        { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
        withDetail({ FilePath: 'dir/lib/file' }),
        false,
      ],
      [
        'matches when one array element is not excluded',
        { detail: { tags: [{ 'anything-but': 'Insider' }] } },
        macieAlert,
        true,
      ],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('numeric', () => {
    const range = { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } };
    const cases: Case[] = [
      [
        'matches the documented numeric pattern',
        {
          detail: {
            'c-count': [{ numeric: ['>', 0, '<=', 5] }],
            'd-count': [{ numeric: ['<', 10] }],
            'x-limit': [{ numeric: ['=', 3.018e2] }],
          },
        },
        ec2StateChange,
        true,
      ],
      ['matches the upper bound of a closed range', range, withDetail({ 'c-count': 5 }), true],
      ['does not match above the range', range, withDetail({ 'c-count': 5.000001 }), false],
      ['does not match the open lower bound', range, withDetail({ 'c-count': 0 }), false],
      ['matches >= at the bound', { detail: { n: [{ numeric: ['>=', 10] }] } }, withDetail({ n: 10 }), true],
      ['does not match < at the bound', { detail: { n: [{ numeric: ['<', 10] }] } }, withDetail({ n: 10 }), false],
      [
        'matches = with 3 and 3.0',
        { detail: { n: [{ numeric: ['=', 3] }] } },
        JSON.parse('{"detail":{"n":3.0}}'),
        true,
      ],
      [
        'does not match = with another number',
        { detail: { n: [{ numeric: ['=', 3] }] } },
        withDetail({ n: 3.5 }),
        false,
      ],
      ['does not match a numeric string', range, withDetail({ 'c-count': '3' }), false],
      ['matches negative ranges', { detail: { n: [{ numeric: ['>', -10, '<', 0] }] } }, withDetail({ n: -5 }), true],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('exists', () => {
    const cases: Case[] = [
      ['matches a present field with exists true', { detail: { 'c-count': [{ exists: true }] } }, ec2StateChange, true],
      [
        'does not match a missing field with exists true',
        { detail: { missing: [{ exists: true }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches a missing field with exists false',
        { detail: { 'c-count': [{ exists: false }] } },
        withDetail({ state: ['initializing', 'running'] }),
        true,
      ],
      [
        'does not match a present field with exists false',
        { detail: { 'c-count': [{ exists: false }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches an object-valued field with exists false, as it is not a leaf',
        { detail: { 'c-count': [{ exists: false }] } },
        withDetail({ 'c-count': { c1: 100 } }),
        true,
      ],
      [
        'does not match an object-valued field with exists true',
        { detail: { 'c-count': [{ exists: true }] } },
        withDetail({ 'c-count': { c1: 100 } }),
        false,
      ],
      [
        'matches a null field with exists true',
        { detail: { responseElements: [{ exists: true }] } },
        autoscalingLaunch,
        true,
      ],
      [
        'matches an empty array with exists false',
        { detail: { list: [{ exists: false }] } },
        withDetail({ list: [] }),
        true,
      ],
      [
        'matches exists false when the parent is missing',
        { detail: { deep: { field: [{ exists: false }] } } },
        ec2StateChange,
        true,
      ],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('equals-ignore-case and wildcard', () => {
    const cases: Case[] = [
      ['matches ignoring case', { Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'ALICE' }, true],
      [
        'does not match another name ignoring case',
        { Name: [{ 'equals-ignore-case': 'alice' }] },
        { Name: 'Alicia' },
        false,
      ],
      [
        'matches the README wildcard',
        { source: [{ wildcard: 'Simple*Service' }] },
        { source: 'SimpleQueueService' },
        true,
      ],
      [
        'matches a wildcard standing for nothing',
        { source: [{ wildcard: 'Simple*Service' }] },
        { source: 'SimpleService' },
        true,
      ],
      [
        'does not match a wildcard with a different ending',
        { source: [{ wildcard: 'Simple*Service' }] },
        { source: 'SimpleQueue' },
        false,
      ],
      [
        'matches a .png file inside dir',
        { detail: { FileName: [{ wildcard: 'dir/*.png' }] } },
        withDetail({ FileName: 'dir/a.png' }),
        true,
      ],
      [
        'does not match a .jpg file inside dir',
        { detail: { FileName: [{ wildcard: 'dir/*.png' }] } },
        withDetail({ FileName: 'dir/a.jpg' }),
        false,
      ],
      ['matches an escaped asterisk literally', { name: [{ wildcard: 'a\\*b' }] }, { name: 'a*b' }, true],
      ['does not treat an escaped asterisk as a wildcard', { name: [{ wildcard: 'a\\*b' }] }, { name: 'axb' }, false],
      ['treats regular expression characters literally', { name: [{ wildcard: 'a.b*' }] }, { name: 'axbc' }, false],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('cidr', () => {
    const cases: Case[] = [
      [
        'matches an IPv4 address inside the block',
        { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
        ec2StateChange,
        true,
      ],
      [
        'does not match an IPv4 address outside the block',
        { detail: { 'source-ip': [{ cidr: '10.0.1.0/24' }] } },
        ec2StateChange,
        false,
      ],
      [
        'matches an IPv6 address inside the block',
        { ip: [{ cidr: '2001:db8::/32' }] },
        { ip: '2001:db8:0:0:1::1' },
        true,
      ],
      [
        'does not match an IPv6 address outside the block',
        { ip: [{ cidr: '2001:db8::/32' }] },
        { ip: '2001:db9::1' },
        false,
      ],
      ['does not match an IPv4 address against an IPv6 block', { ip: [{ cidr: '::/0' }] }, { ip: '10.0.0.1' }, false],
      ['does not match a string that is not an address', { ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 'localhost' }, false],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  describe('$or', () => {
    const orPattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    const cases: Case[] = [
      ['matches the second alternative', orPattern, { source: 'aws.cloudwatch', namespace: 'AWS/EC2' }, true],
      ['matches the first alternative', orPattern, { source: 'aws.cloudwatch', metricName: 'ReadLatency' }, true],
      ['does not match when no alternative holds', orPattern, { source: 'aws.cloudwatch', namespace: 'AWS/S3' }, false],
      ['still requires the fields outside $or', orPattern, { source: 'aws.ec2', namespace: 'AWS/EC2' }, false],
      [
        'matches nested $or inside an alternative',
        {
          source: ['aws.cloudwatch'],
          $or: [
            { metricName: ['x'] },
            { metricType: ['MetricType'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
          ],
        },
        { source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 1000 },
        true,
      ],
      [
        'matches parallel $or at two levels',
        {
          $or: [{ metricName: ['CPU'] }, { namespace: ['AWS/EC2'] }],
          detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['Alarm'] }] },
        },
        { namespace: 'AWS/EC2', detail: { 'detail-type': 'Alarm' } },
        true,
      ],
    ];
    it.each(cases)('%s', (_name, pattern, event, expected) => {
      // Act
      const result = matchesPattern(pattern, event);

      // Assess
      expect(result).toBe(expected);
    });
  });

  it('matches the documented complex example', () => {
    // Prepare
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };

    // Act
    const result = matchesPattern(pattern, ec2StateChange);

    // Assess
    expect(result).toBe(true);
  });

  it('accepts the pattern as JSON text and as a compiled pattern', () => {
    // Prepare
    const text = '{"source":["aws.s3"],"detail-type":["Object Created"]}';

    // Act
    const fromText = matchesPattern(text, s3ObjectCreated);
    const fromCompiled = matchesPattern(compilePattern(text), s3ObjectCreated);

    // Assess
    expect([fromText, fromCompiled]).toEqual([true, true]);
  });
});
