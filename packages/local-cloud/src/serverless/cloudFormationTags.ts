import type { Tags, YAMLMap, YAMLSeq } from 'yaml';

type ParsedCollection = YAMLMap.Parsed | YAMLSeq.Parsed;

const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
] as const;

const wrap = (name: string, value: unknown) => {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
};

const tagsFor = (name: string): Tags => [
  { tag: `!${name}`, resolve: (value: string) => wrap(name, value) },
  { tag: `!${name}`, collection: 'seq', resolve: (seq: ParsedCollection) => wrap(name, seq.toJSON()) },
  { tag: `!${name}`, collection: 'map', resolve: (map: ParsedCollection) => wrap(name, map.toJSON()) },
];

/**
 * YAML tags for CloudFormation's short-form intrinsic functions (`!Ref`, `!GetAtt`, `!Sub`,
 * `!ImportValue`, `!Join`, ...), for the `yaml` package's `customTags` option.
 *
 * Each tag turns into the long form CloudFormation itself uses (`{ Ref: x }`,
 * `{ 'Fn::GetAtt': [resource, attribute] }`, `{ 'Fn::Sub': ... }`), so a `serverless.yml`
 * parses to the same data the framework sees.
 */
export const cloudFormationTags: Tags = [
  ...tagsFor('Ref'),
  ...tagsFor('Condition'),
  ...tagsFor('GetAtt'),
  ...FUNCTIONS.flatMap(tagsFor),
];
