import { FetchSlackReplies } from '../../../src/adapters/FetchSlackReplies.js';

describe('FetchSlackReplies', () => {
  it('posts an ephemeral message that does not replace the original', async () => {
    // Prepare
    const calls: { url: string; init: RequestInit }[] = [];
    const replies = new FetchSlackReplies({
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response('ok');
      }) as unknown as typeof fetch,
    });

    // Act
    await replies.ephemeral('https://hooks.slack.test/1', 'Already approved');

    // Assess
    expect(calls[0]?.url).toBe('https://hooks.slack.test/1');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Already approved',
    });
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('throws when Slack answers with an error status', async () => {
    // Prepare
    const replies = new FetchSlackReplies({
      fetch: (async () => new Response('gone', { status: 404 })) as unknown as typeof fetch,
    });

    // Assess
    await expect(replies.ephemeral('https://hooks.slack.test/1', 'x')).rejects.toThrow('response_url answered 404');
  });

  it('gives up when Slack does not answer within its timeout', async () => {
    // Prepare
    const replies = new FetchSlackReplies({
      timeoutMs: 20,
      fetch: ((_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        })) as unknown as typeof fetch,
    });

    // Assess
    await expect(replies.ephemeral('https://hooks.slack.test/1', 'x')).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
