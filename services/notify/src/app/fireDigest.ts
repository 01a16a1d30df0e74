import { reportHandledFailure } from '@fleet/shared';
import { type DigestItem, digestMessage } from '../domain/slack/messages/digestMessage.js';
import { type DeliveryOutcome, deliverOnce } from './deliverOnce.js';
import type { DigestFire, InvocationOptions, SlackPorts } from './ports.js';
import { sendWithRetries } from './sendWithRetries.js';

/**
 * Posts a channel's digest when its window's schedule fires: one message for everything the
 * window gathered, exactly once per window.
 *
 * The delivery record is claimed before the window is taken, and the taken items are kept on it
 * before anything is posted, so a failed post is retried from the record (the window itself is
 * gone: later events already gather in the next one).
 */
export const fireDigest = async (
  fire: DigestFire,
  ports: SlackPorts,
  options: InvocationOptions,
): Promise<DeliveryOutcome> => {
  const key = { eventKey: `digest-${fire.windowId}`, destination: `slack:${fire.channel}` };
  return deliverOnce(
    { key, fields: { correlationId: `digest-${fire.windowId}`, detailType: 'Digest' } },
    async () => {
      const stored = await ports.store.read(key);
      let window = stored?.digest as { items: DigestItem[]; omitted: number; openedAt: string } | undefined;
      if (window === undefined) {
        const taken = await ports.digests.take(fire.channel, fire.windowId);
        if (taken === undefined) {
          reportHandledFailure(ports, {
            step: 'DigestWindowMissing',
            message: 'the digest window to post was not found; nothing to post',
            correlationId: key.eventKey,
            error: new Error(`no open window ${fire.windowId} for ${fire.channel}`),
            level: 'warn',
            details: { ...fire },
          });
          return { channel: fire.channel, posted: false };
        }
        window = { items: taken.items, omitted: taken.omitted, openedAt: taken.openedAt };
        await ports.store.annotate(key, options.owner, { digest: window });
      }
      // A retried event may have been added twice: one line per event.
      const items = window.items.filter(
        (item, i, all) => all.findIndex((other) => other.eventKey === item.eventKey) === i,
      );
      const message = digestMessage(items, window.omitted, {
        from: window.openedAt,
        to: ports.clock.now().toISOString(),
      });
      const posted = await sendWithRetries(() => ports.slack.postMessage({ channel: fire.channel, message }), ports, {
        remainingMs: options.remainingMs,
      });
      return { channel: posted.channel, ts: posted.ts, items: items.length + window.omitted };
    },
    ports,
    options,
  );
};
