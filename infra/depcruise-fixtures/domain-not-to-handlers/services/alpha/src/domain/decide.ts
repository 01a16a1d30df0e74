import { formatReply } from '../handlers/formatReply.js';

/** Breaks domain-not-to-handlers: the domain shapes a Lambda reply. */
export const decide = (value: number) => formatReply(value > 0 ? 'go' : 'stop');
