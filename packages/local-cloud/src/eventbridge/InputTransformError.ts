/**
 * Thrown when a rule's input transformation cannot produce the target's input: a bad JSON path,
 * or a template that is not valid JSON once filled in (EventBridge then fails the delivery).
 */
export class InputTransformError extends Error {
  readonly ruleName: string;

  constructor(ruleName: string, message: string, options?: ErrorOptions) {
    super(`rule ${ruleName}: ${message}`, options);
    this.name = 'InputTransformError';
    this.ruleName = ruleName;
  }
}
