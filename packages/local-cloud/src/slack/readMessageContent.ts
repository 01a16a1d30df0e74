import { isPlainObject } from '../isPlainObject.js';
import { checkBlockKit } from './checkBlockKit.js';

/** Longest message `text` Slack takes (https://api.slack.com/methods/chat.postMessage). */
export const MAX_MESSAGE_TEXT = 40_000;
/** Most attachments on one message. */
export const MAX_ATTACHMENTS = 100;

/** A message's content once read: what was given of `text`, `blocks` and `attachments`. */
export type MessageContent = { text?: string; blocks?: unknown[]; attachments?: unknown[] };

/** Content Slack refuses, with its error name and, for blocks, its problems. */
export type MessageContentError = { error: string; problems?: string[] };

/** A JSON array given as an array (JSON bodies) or as a JSON string (forms, and some clients). */
const readJsonArray = (value: unknown): unknown[] | undefined => {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Reads and checks the content of a `chat.postMessage` or `chat.update` call as Slack does:
 * `blocks` that are not a JSON array are `invalid_blocks_format`, blocks beyond Block Kit's
 * limits `invalid_blocks` (with the problems, as Slack lists them in `errors`),
 * attachments that are not an array `invalid_attachments`, over 100 `too_many_attachments`, text
 * over 40,000 characters `msg_too_long`, and no text, blocks or attachments at all `no_text`.
 */
export const readMessageContent = (args: Record<string, unknown>): MessageContent | MessageContentError => {
  const content: MessageContent = {};
  if (args.text !== undefined && args.text !== null) {
    if (typeof args.text !== 'string')
      return { error: 'invalid_arguments', problems: ['must provide a string [json-pointer:/text]'] };
    if (args.text.length > MAX_MESSAGE_TEXT) return { error: 'msg_too_long' };
    content.text = args.text;
  }
  if (args.blocks !== undefined && args.blocks !== null) {
    const blocks = readJsonArray(args.blocks);
    if (blocks === undefined) return { error: 'invalid_blocks_format' };
    const problems = checkBlockKit(blocks);
    if (problems.length > 0) return { error: 'invalid_blocks', problems };
    content.blocks = blocks;
  }
  if (args.attachments !== undefined && args.attachments !== null) {
    const attachments = readJsonArray(args.attachments);
    if (attachments === undefined || !attachments.every(isPlainObject)) return { error: 'invalid_attachments' };
    if (attachments.length > MAX_ATTACHMENTS) return { error: 'too_many_attachments' };
    content.attachments = attachments;
  }
  const hasText = content.text !== undefined && content.text !== '';
  if (!hasText && !content.blocks?.length && !content.attachments?.length) return { error: 'no_text' };
  return content;
};
