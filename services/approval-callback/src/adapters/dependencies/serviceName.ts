/** The service name in logs, metrics and traces. */
export const serviceName = 'approval-callback';
