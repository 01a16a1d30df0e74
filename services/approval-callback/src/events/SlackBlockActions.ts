import * as z from 'zod';

/**
 * The part of Slack's `block_actions` interaction payload the approval reads: who clicked which
 * button, and where to answer them privately.
 *
 * @see https://api.slack.com/reference/interaction-payloads/block-actions
 */
export const SlackBlockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional() }),
  actions: z.array(z.looseObject({ action_id: z.string().min(1), value: z.string().max(2000).optional() })).min(1),
  response_url: z.string().url().optional(),
});

/** The form Slack posts: one field, `payload`, holding the JSON. */
export const SlackInteractionForm = z.object({ payload: z.string().min(2) });
