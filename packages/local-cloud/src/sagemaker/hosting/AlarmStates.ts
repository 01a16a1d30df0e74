/** The state of a CloudWatch alarm. */
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/**
 * What the endpoints' guardrails need from CloudWatch: an alarm's state now, and a word when it
 * changes, so a deployment rolls back as soon as one of its alarms goes into `ALARM`.
 */
export type AlarmStates = {
  /** The alarm's state, or undefined when no alarm has that name. */
  state(alarmName: string): AlarmState | undefined;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (alarmName: string, state: AlarmState) => void): () => void;
};
