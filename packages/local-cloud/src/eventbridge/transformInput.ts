import type { TargetInput } from './BusRule.js';
import { InputTransformError } from './InputTransformError.js';
import type { LocalEvent } from './LocalEvent.js';
import { readJsonPath } from './readJsonPath.js';

/** What the predefined transformer variables are filled from. */
export type TransformContext = {
  ruleName: string;
  ruleArn: string;
  /** When the bus received the event (ISO 8601), for `<aws.events.event.ingestion-time>`. */
  ingestionTime: string;
};

const PLACEHOLDER = /<([A-Za-z0-9_.-]+)>/y;

const parseInput = (input: unknown): unknown => {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
};

/**
 * Fills an input template as EventBridge does.
 *
 * A placeholder outside quotes becomes the value as JSON (a string gets its quotes); inside a
 * quoted string, a string value is inserted as is (EventBridge does not escape it) and any other
 * value as JSON text. A declared variable whose path is missing from the event is empty; an
 * undeclared `<name>` stays as written.
 */
const fillTemplate = (template: string, values: Map<string, unknown>): string => {
  let output = '';
  let inString = false;
  for (let index = 0; index < template.length; ) {
    const char = template[index];
    if (char === '<') {
      PLACEHOLDER.lastIndex = index;
      const match = PLACEHOLDER.exec(template);
      if (match !== null && values.has(match[1])) {
        const value = values.get(match[1]);
        if (inString) output += value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
        else output += JSON.stringify(value ?? '');
        index += match[0].length;
        continue;
      }
    }
    if (char === '\\' && inString) {
      output += template.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (char === '"') inString = !inString;
    output += char;
    index++;
  }
  return output;
};

/**
 * Produces what a rule's target receives for an event: the event itself, the rule's fixed
 * `input`, the part its `inputPath` selects, or its `inputTransformer` template filled from the
 * `inputPathsMap` variables and the predefined `<aws.events.rule-name>`, `<aws.events.rule-arn>`,
 * `<aws.events.event>`, `<aws.events.event.json>` and `<aws.events.event.ingestion-time>`.
 *
 * A template that reads as JSON (an object, array or quoted string) gives the parsed value;
 * any other template gives the filled-in text.
 *
 * @throws InputTransformError when a path is malformed or the filled-in JSON is invalid.
 */
export const transformInput = (event: LocalEvent, target: TargetInput, context: TransformContext): unknown => {
  try {
    if (target.input !== undefined) return parseInput(target.input);
    if (target.inputPath !== undefined) return readJsonPath(event, target.inputPath) ?? null;
    if (target.inputTransformer === undefined) return event;
  } catch (error) {
    throw new InputTransformError(context.ruleName, (error as Error).message, { cause: error });
  }
  const { inputPathsMap = {}, inputTemplate } = target.inputTransformer;
  const values = new Map<string, unknown>([
    ['aws.events.rule-name', context.ruleName],
    ['aws.events.rule-arn', context.ruleArn],
    ['aws.events.event', event],
    ['aws.events.event.json', event],
    ['aws.events.event.ingestion-time', context.ingestionTime],
  ]);
  for (const [name, jsonPath] of Object.entries(inputPathsMap)) {
    if (name.startsWith('aws.events.')) {
      throw new InputTransformError(context.ruleName, `inputPathsMap cannot redefine the reserved variable ${name}`);
    }
    try {
      values.set(name, readJsonPath(event, jsonPath));
    } catch (error) {
      throw new InputTransformError(context.ruleName, `inputPathsMap.${name}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const filled = fillTemplate(inputTemplate, values);
  const trimmed = filled.trim();
  if (!/^[[{"]/.test(trimmed)) return filled;
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    throw new InputTransformError(
      context.ruleName,
      `the input template does not give valid JSON once filled in: ${(error as Error).message}; got ${trimmed.slice(0, 200)}`,
      { cause: error },
    );
  }
};
