/** A string member: length bounds, a pattern (matched against the whole value) or an enum. */
export type StringShape = { type: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[] };
/** An integer member and its inclusive range. */
export type IntegerShape = { type: 'integer'; min?: number; max?: number };
/** A boolean member. */
export type BooleanShape = { type: 'boolean' };
/** A timestamp member; JSON protocols send epoch seconds. */
export type TimestampShape = { type: 'timestamp' };
/** A list member and its length bounds. */
export type ListShape = { type: 'list'; member: Shape; min?: number; max?: number };
/** A structure; members not listed are ignored, as AWS services ignore unknown members. */
export type StructureShape = { type: 'structure'; members: Record<string, MemberShape> };
/** A member the stand-in accepts without checking (parts of the API it does not model). */
export type AnyShape = { type: 'any' };

/** The subset of the Smithy model a stand-in checks requests against. */
export type Shape = StringShape | IntegerShape | BooleanShape | TimestampShape | ListShape | StructureShape | AnyShape;
/** A shape used as a structure member. */
export type MemberShape = Shape & { required?: boolean };

/** The outcome of checking a request against its input shape. */
export type ShapeCheck = {
  /** Constraint violations, worded as AWS words them (`Value 'x' at 'name' failed to satisfy constraint: ...`). */
  violations: string[];
  /** Set when a value has the wrong JSON type, which AWS reports as a SerializationException. */
  typeError?: string;
};

const compiled = new Map<string, RegExp>();
const fullMatch = (pattern: string): RegExp => {
  let regex = compiled.get(pattern);
  if (!regex) {
    // AWS services match the whole value (Java's matches()), whether or not the model anchors the pattern.
    regex = new RegExp(`^(?:${pattern})$`);
    compiled.set(pattern, regex);
  }
  return regex;
};

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

const show = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `'[${value.map((item) => (typeof item === 'object' ? '{...}' : String(item))).join(', ')}]'`;
  if (typeof value === 'object') return "'{...}'";
  return `'${String(value)}'`;
};

const jsonType = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

const visit = (shape: Shape, value: unknown, path: string, out: ShapeCheck): void => {
  const fail = (constraint: string) =>
    out.violations.push(`Value ${show(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
  const wrongType = (expected: string) => {
    out.typeError ??= `Expected ${expected} at '${path}' but found ${jsonType(value)}`;
  };
  switch (shape.type) {
    case 'any':
      return;
    case 'string': {
      if (typeof value !== 'string') {
        wrongType('a string');
        return;
      }
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min)
        fail(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && length > shape.max)
        fail(`Member must have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !fullMatch(shape.pattern).test(value))
        fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(value))
        fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        wrongType('an integer');
        return;
      }
      if (shape.min !== undefined && value < shape.min)
        fail(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max)
        fail(`Member must have value less than or equal to ${shape.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') wrongType('a boolean');
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) wrongType('a timestamp (epoch seconds)');
      return;
    case 'list': {
      if (!Array.isArray(value)) {
        wrongType('a list');
        return;
      }
      if (shape.min !== undefined && value.length < shape.min)
        fail(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max)
        fail(`Member must have length less than or equal to ${shape.max}`);
      value.forEach((item, index) => {
        visit(shape.member, item, `${path}.${index + 1}.member`, out);
      });
      return;
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        wrongType('a structure');
        return;
      }
      const record = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members)) {
        const memberPath = path === '' ? lowerFirst(name) : `${path}.${lowerFirst(name)}`;
        const memberValue = record[name];
        if (memberValue === undefined || memberValue === null) {
          if (member.required)
            out.violations.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        visit(member, memberValue, memberPath, out);
      }
      return;
    }
  }
};

/**
 * Checks a request body against its input shape the way AWS's request validation does.
 *
 * Required members, lengths (in characters), patterns, enums, ranges and list sizes are checked
 * and every violation is reported, so a client sees all of them in one error as with AWS.
 */
export const checkShape = (shape: StructureShape, value: unknown): ShapeCheck => {
  const out: ShapeCheck = { violations: [] };
  visit(shape, value ?? {}, '', out);
  return out;
};

/** Words a list of violations as one AWS ValidationException message. */
export const validationMessage = (violations: string[]): string =>
  `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected: ${violations.join('; ')}`;
