import { EventBridgeApiError } from './EventBridgeApiError.js';

/** The rule-management operations the local EventBridge answers besides PutEvents. */
export const RULE_OPERATIONS = ['DescribeRule', 'DisableRule', 'EnableRule'] as const;

/** One of {@link RULE_OPERATIONS}. */
export type RuleOperation = (typeof RULE_OPERATIONS)[number];

/** Whether a rule matches events (or fires on its schedule): a disabled rule does neither. */
export type RuleState = 'ENABLED' | 'DISABLED';

/** A rule as `DescribeRule` answers it. */
export type RuleDescription = {
  Name: string;
  Arn: string;
  EventBusName: string;
  State: RuleState;
  EventPattern?: string;
  ScheduleExpression?: string;
};

/** The rules of the local buses, as the rule operations see them. */
export type RuleDirectory = {
  /** The bus name a request's `EventBusName` (a name, an ARN, or absent for `default`) refers to; undefined when unknown. */
  resolveBus: (nameOrArn: string | undefined) => string | undefined;
  /** The rule `name` on `bus`, or undefined when the bus has no such rule. */
  describe: (name: string, bus: string) => RuleDescription | undefined;
  setState: (name: string, bus: string, state: RuleState) => void;
};

/** Whether `operation` is one of {@link RULE_OPERATIONS}. */
export const isRuleOperation = (operation: string): operation is RuleOperation =>
  (RULE_OPERATIONS as readonly string[]).includes(operation);

const NAME_PATTERN = /^[.\-_A-Za-z0-9]+$/;

const validation = (message: string) =>
  new EventBridgeApiError('ValidationException', `1 validation error detected: ${message}`);

/** The rule name of a request, validated as EventBridge validates `Name` (1 to 64 of `[.\-_A-Za-z0-9]`). */
const ruleName = (body: Record<string, unknown>): string => {
  const name = body.Name;
  if (name === undefined || name === null) {
    throw validation("Value null at 'name' failed to satisfy constraint: Member must not be null");
  }
  if (typeof name !== 'string') throw new EventBridgeApiError('SerializationException', 'Name must be a string');
  if (name.length < 1 || name.length > 64) {
    throw validation(
      `Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 64, greater than or equal to 1`,
    );
  }
  if (!NAME_PATTERN.test(name)) {
    throw validation(
      `Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
    );
  }
  return name;
};

/**
 * Answers `DescribeRule`, `DisableRule` or `EnableRule` as EventBridge does: the rule is looked up
 * by `Name` on `EventBusName` (default `default`); disabling or enabling it changes its `State`
 * and answers an empty body; describing it answers its name, ARN, bus, state and pattern or
 * schedule expression.
 *
 * @throws EventBridgeApiError `ValidationException` for a missing or malformed `Name`,
 * `ResourceNotFoundException` for an unknown bus ("Event bus X does not exist.") or a rule the
 * bus does not have ("Rule X does not exist on EventBus Y.")
 */
export const handleRuleOperation = (
  operation: RuleOperation,
  request: unknown,
  directory: RuleDirectory,
): Record<string, unknown> => {
  const body = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const name = ruleName(body);
  const requestedBus = typeof body.EventBusName === 'string' ? body.EventBusName : undefined;
  const bus = directory.resolveBus(requestedBus);
  if (bus === undefined) {
    throw new EventBridgeApiError('ResourceNotFoundException', `Event bus ${requestedBus} does not exist.`);
  }
  const rule = directory.describe(name, bus);
  if (rule === undefined) {
    throw new EventBridgeApiError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${bus}.`);
  }
  if (operation === 'DescribeRule') return { ...rule };
  directory.setState(name, bus, operation === 'DisableRule' ? 'DISABLED' : 'ENABLED');
  return {};
};
