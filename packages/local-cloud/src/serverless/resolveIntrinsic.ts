import { isPlainObject } from '../isPlainObject.js';

/** What CloudFormation intrinsic functions resolve against locally. */
export type IntrinsicContext = {
  region: string;
  accountId: string;
  /** Stack exports by name, for `Fn::ImportValue` (e.g. `shop-local-EventBusName`). */
  imports: Record<string, string>;
  /** Values for `Ref` and `Fn::GetAtt` (`Logical` or `Logical.Attribute`) inside the stack, when known. */
  references?: Record<string, string>;
  stackName?: string;
};

const pseudo = (name: string, context: IntrinsicContext): string | undefined => {
  switch (name) {
    case 'AWS::Region':
      return context.region;
    case 'AWS::AccountId':
      return context.accountId;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return context.stackName;
    default:
      return context.references?.[name];
  }
};

/**
 * Resolves a CloudFormation value to the string it would have at deploy time, where that can be
 * known locally: plain values, `Fn::ImportValue` of a known export, `Fn::Sub` and `Fn::Join` of
 * resolvable parts, `Ref`/`Fn::GetAtt` of pseudo parameters and of known references.
 *
 * Returns undefined when any part cannot be resolved, so the caller can report it.
 */
export const resolveIntrinsic = (value: unknown, context: IntrinsicContext): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [fn] = keys;
  const argument = value[fn];
  switch (fn) {
    case 'Ref':
      return typeof argument === 'string' ? pseudo(argument, context) : undefined;
    case 'Fn::GetAtt': {
      const name = Array.isArray(argument) ? argument.join('.') : argument;
      return typeof name === 'string' ? context.references?.[name] : undefined;
    }
    case 'Fn::ImportValue': {
      const name = resolveIntrinsic(argument, context);
      return name === undefined ? undefined : context.imports[name];
    }
    case 'Fn::Join': {
      if (!Array.isArray(argument) || typeof argument[0] !== 'string' || !Array.isArray(argument[1])) return undefined;
      const parts = argument[1].map((part) => resolveIntrinsic(part, context));
      return parts.every((part) => part !== undefined) ? parts.join(argument[0]) : undefined;
    }
    case 'Fn::Sub': {
      const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
      if (typeof template !== 'string' || !isPlainObject(variables)) return undefined;
      let unresolved = false;
      const result = template.replace(/\$\{(!?)([^}]+)\}/g, (whole, literal: string, name: string) => {
        if (literal) return `\${${name}}`;
        const local = name in variables ? resolveIntrinsic(variables[name], context) : pseudo(name, context);
        if (local === undefined) unresolved = true;
        return local ?? whole;
      });
      return unresolved ? undefined : result;
    }
    default:
      return undefined;
  }
};
