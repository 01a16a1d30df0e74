import { createHash } from 'node:crypto';
import type { FaultRequest } from './FaultRequest.js';

/**
 * The operation a request calls: the awsJson `X-Amz-Target`, the awsQuery `Action`, else the
 * method and the path (REST protocols, Slack's methods, PagerDuty's enqueue).
 */
export const requestOperation = (request: FaultRequest): string => {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string' && target !== '') return target.slice(target.lastIndexOf('.') + 1);
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(request.body.toString('utf8')).get('Action');
    if (action) return action;
  }
  return `${request.method} ${request.url.split('?')[0]}`;
};

/**
 * What makes two requests the same request: the service, the operation, the target and a hash
 * of the body. The SDK's retries of one call, and a handler's retry that sends the same body,
 * share it, so the proxy can let the request through after its allowed faults in a row.
 */
export const requestIdentity = (service: string, request: FaultRequest): string => {
  const hash = createHash('sha256').update(request.method).update(request.url).update(request.body);
  return `${service} ${requestOperation(request)} ${hash.digest('hex').slice(0, 24)}`;
};
