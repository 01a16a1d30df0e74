import { LocalClock } from '../../src/clock/index.js';
import { LocalSlack, SLACK_DEFAULTS } from '../../src/slack/index.js';

const START = '2026-03-02T09:00:00.000Z';
const TOKEN = 'xoxb-test-token';

type SlackAnswer = Record<string, unknown> & { ok: boolean; error?: string };

describe('LocalSlack Web API', () => {
  let clock: LocalClock;
  let slack: LocalSlack;

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    slack = new LocalSlack({
      clock,
      botToken: TOKEN,
      channels: ['C0MODELS01', { id: 'C0PRIVATE1', name: 'private', member: false }],
    });
    await slack.listen();
  });

  afterEach(async () => {
    await slack.close();
  });

  const callJson = async (method: string, body: unknown, token: string | null = TOKEN) => {
    const response = await fetch(`${slack.apiUrl}/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, json: (await response.json()) as SlackAnswer };
  };

  const callForm = async (method: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${slack.apiUrl}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, json: (await response.json()) as SlackAnswer };
  };

  describe('authentication', () => {
    it('answers not_authed without a token and invalid_auth with another one, posting nothing', async () => {
      // Act
      const none = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'hi' }, null);
      const wrong = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'hi' }, 'xoxb-other');

      // Assess
      expect(none).toMatchObject({ status: 200, json: { ok: false, error: 'not_authed' } });
      expect(wrong).toMatchObject({ status: 200, json: { ok: false, error: 'invalid_auth' } });
      expect(slack.messages()).toEqual([]);
    });

    it("takes a form's token field, and answers auth.test", async () => {
      // Act
      const posted = await callForm('chat.postMessage', { token: TOKEN, channel: 'C0MODELS01', text: 'from a form' });
      const auth = await callForm('auth.test', {}, { authorization: `Bearer ${TOKEN}` });

      // Assess
      expect(posted.json).toMatchObject({ ok: true, channel: 'C0MODELS01' });
      expect(auth.json).toMatchObject({ ok: true, team_id: SLACK_DEFAULTS.teamId, user_id: SLACK_DEFAULTS.botUserId });
      expect(slack.calls('chat.postMessage')[0].body).toEqual({
        token: '***',
        channel: 'C0MODELS01',
        text: 'from a form',
      });
    });
  });

  describe('chat.postMessage', () => {
    it('keeps the message in its channel with an increasing ts, and answers it', async () => {
      // Act
      const first = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'one' });
      const second = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'two' });
      await clock.tick('1s');
      const third = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'three' });

      // Assess
      expect(first.json).toEqual({
        ok: true,
        channel: 'C0MODELS01',
        ts: '1772442000.000000',
        message: {
          type: 'message',
          user: SLACK_DEFAULTS.botUserId,
          bot_id: SLACK_DEFAULTS.botId,
          app_id: SLACK_DEFAULTS.appId,
          team: SLACK_DEFAULTS.teamId,
          ts: '1772442000.000000',
          text: 'one',
        },
      });
      expect(second.json.ts).toBe('1772442000.000001');
      expect(third.json.ts).toBe('1772442001.000000');
      expect(slack.messages('C0MODELS01').map((m) => [m.ts, m.text])).toEqual([
        ['1772442000.000000', 'one'],
        ['1772442000.000001', 'two'],
        ['1772442001.000000', 'three'],
      ]);
    });

    it('takes form bodies with blocks as a JSON string, and a channel by name', async () => {
      // Prepare
      const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*churn* drifted' } }];

      // Act
      const answer = await callForm(
        'chat.postMessage',
        { channel: '#c0models01', text: 'churn drifted', blocks: JSON.stringify(blocks) },
        { authorization: `Bearer ${TOKEN}` },
      );

      // Assess
      expect(answer.json).toMatchObject({
        ok: true,
        channel: 'C0MODELS01',
        message: { text: 'churn drifted', blocks },
      });
      expect(slack.messages('C0MODELS01')[0].blocks).toEqual(blocks);
    });

    it('keeps thread replies with their thread_ts and counts them on the parent', async () => {
      // Prepare
      const parent = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'approval requested' });

      // Act
      const reply = await callJson('chat.postMessage', {
        channel: 'C0MODELS01',
        text: 'approved by ana',
        thread_ts: parent.json.ts,
      });

      // Assess
      expect(reply.json).toMatchObject({ ok: true, message: { thread_ts: parent.json.ts } });
      expect(slack.thread('C0MODELS01', String(parent.json.ts))).toMatchObject([
        { ts: parent.json.ts, text: 'approval requested', reply_count: 1, latest_reply: reply.json.ts },
        { ts: reply.json.ts, text: 'approved by ana', thread_ts: parent.json.ts },
      ]);
    });

    it('answers channel_not_found for an unknown channel and not_in_channel where the bot is not a member', async () => {
      // Act
      const unknown = await callJson('chat.postMessage', { channel: 'C0NOWHERE1', text: 'hi' });
      const missing = await callJson('chat.postMessage', { text: 'hi' });
      const notMember = await callJson('chat.postMessage', { channel: 'C0PRIVATE1', text: 'hi' });
      slack.addChannel('C0NOWHERE1');
      const added = await callJson('chat.postMessage', { channel: 'C0NOWHERE1', text: 'hi' });

      // Assess
      expect(unknown.json).toEqual({ ok: false, error: 'channel_not_found' });
      expect(missing.json).toEqual({ ok: false, error: 'channel_not_found' });
      expect(notMember.json).toEqual({ ok: false, error: 'not_in_channel' });
      expect(added.json.ok).toBe(true);
      expect(slack.messages().map((m) => m.channel)).toEqual(['C0NOWHERE1']);
    });

    it('answers no_text and msg_too_long', async () => {
      // Act
      const empty = await callJson('chat.postMessage', { channel: 'C0MODELS01' });
      const emptyBlocks = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: '', blocks: [] });
      const long = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'x'.repeat(40_001) });
      const longest = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'x'.repeat(40_000) });

      // Assess
      expect(empty.json).toEqual({ ok: false, error: 'no_text' });
      expect(emptyBlocks.json).toEqual({ ok: false, error: 'no_text' });
      expect(long.json).toEqual({ ok: false, error: 'msg_too_long' });
      expect(longest.json.ok).toBe(true);
    });

    it('answers invalid_attachments and too_many_attachments, and takes attachments alone as content', async () => {
      // Act
      const notList = await callJson('chat.postMessage', { channel: 'C0MODELS01', attachments: { text: 'a' } });
      const notObjects = await callJson('chat.postMessage', { channel: 'C0MODELS01', attachments: ['a'] });
      const tooMany = await callJson('chat.postMessage', {
        channel: 'C0MODELS01',
        attachments: Array.from({ length: 101 }, () => ({ text: 'a' })),
      });
      const alone = await callJson('chat.postMessage', { channel: 'C0MODELS01', attachments: [{ text: 'only this' }] });

      // Assess
      expect(notList.json).toEqual({ ok: false, error: 'invalid_attachments' });
      expect(notObjects.json).toEqual({ ok: false, error: 'invalid_attachments' });
      expect(tooMany.json).toEqual({ ok: false, error: 'too_many_attachments' });
      expect(alone.json).toMatchObject({ ok: true, message: { text: '', attachments: [{ text: 'only this' }] } });
    });

    it('marks a thread reply sent with reply_broadcast as a thread_broadcast', async () => {
      // Prepare
      const parent = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'parent' });

      // Act
      const reply = await callForm(
        'chat.postMessage',
        {
          channel: 'C0MODELS01',
          text: 'also in the channel',
          thread_ts: String(parent.json.ts),
          reply_broadcast: 'true',
        },
        { authorization: `Bearer ${TOKEN}` },
      );

      // Assess
      expect(reply.json).toMatchObject({
        ok: true,
        message: { subtype: 'thread_broadcast', thread_ts: parent.json.ts },
      });
    });

    it('answers invalid_blocks_format to blocks that are not a JSON array', async () => {
      // Act
      const object = await callJson('chat.postMessage', {
        channel: 'C0MODELS01',
        text: 'a',
        blocks: { type: 'divider' },
      });
      const broken = await callForm(
        'chat.postMessage',
        { channel: 'C0MODELS01', text: 'a', blocks: '[{"type":' },
        { authorization: `Bearer ${TOKEN}` },
      );

      // Assess
      expect(object.json).toEqual({ ok: false, error: 'invalid_blocks_format' });
      expect(broken.json).toEqual({ ok: false, error: 'invalid_blocks_format' });
    });

    it('answers invalid_blocks naming each limit broken, with its JSON pointer', async () => {
      // Prepare
      const button = (overrides: Record<string, unknown>) => ({
        type: 'button',
        action_id: 'approve',
        text: { type: 'plain_text', text: 'Approve' },
        value: 'ap-1',
        ...overrides,
      });
      const cases: [string, unknown[], string][] = [
        [
          '51 blocks',
          Array.from({ length: 51 }, () => ({ type: 'divider' })),
          'no more than 50 items allowed [json-pointer:/blocks]',
        ],
        [
          'section text over 3,000',
          [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }],
          'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
        ],
        [
          '11 fields',
          [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }],
          'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
        ],
        [
          'a field over 2,000',
          [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'x'.repeat(2001) }] }],
          'must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]',
        ],
        [
          'a header over 150',
          [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }],
          'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
        ],
        [
          'a mrkdwn header',
          [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }],
          'must be one of plain_text [json-pointer:/blocks/0/text/type]',
        ],
        [
          'button text over 75',
          [{ type: 'actions', elements: [button({ text: { type: 'plain_text', text: 'x'.repeat(76) } })] }],
          'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
        ],
        [
          'a button value over 2,000',
          [{ type: 'actions', elements: [button({ value: 'x'.repeat(2001) })] }],
          'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
        ],
        [
          'a button style',
          [{ type: 'actions', elements: [button({ style: 'green' })] }],
          'must be one of primary, danger [json-pointer:/blocks/0/elements/0/style]',
        ],
        [
          'a confirmation dialog without its deny text',
          [
            {
              type: 'actions',
              elements: [
                button({
                  confirm: {
                    title: { type: 'plain_text', text: 'Sure?' },
                    text: { type: 'mrkdwn', text: 'Approve churn v7?' },
                    confirm: { type: 'plain_text', text: 'Approve' },
                  },
                }),
              ],
            },
          ],
          'must provide an object [json-pointer:/blocks/0/elements/0/confirm/deny]',
        ],
        [
          'two buttons with one action_id',
          [{ type: 'actions', elements: [button({}), button({})] }],
          'action_id must be unique within a block [json-pointer:/blocks/0/elements/1/action_id]',
        ],
        [
          'two blocks with one block_id',
          [
            { type: 'divider', block_id: 'a' },
            { type: 'divider', block_id: 'a' },
          ],
          'duplicate block_id [json-pointer:/blocks/1/block_id]',
        ],
        [
          'an unknown block type',
          [{ type: 'carousel' }],
          'must be one of actions, context, divider, file, header, image, input, markdown, rich_text, section, video [json-pointer:/blocks/0/type]',
        ],
        [
          'a section without text or fields',
          [{ type: 'section' }],
          'must provide text or fields [json-pointer:/blocks/0]',
        ],
      ];

      for (const [name, blocks, message] of cases) {
        // Act
        const answer = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: name, blocks });

        // Assess
        expect({ name, json: answer.json }).toEqual({
          name,
          json: {
            ok: false,
            error: 'invalid_blocks',
            errors: [message],
            response_metadata: { messages: [`[ERROR] ${message}`] },
          },
        });
      }
      expect(slack.messages()).toEqual([]);
    });

    it('takes blocks at every limit', async () => {
      // Prepare
      const blocks = [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(150) } },
        { type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3000) } },
        { type: 'section', fields: Array.from({ length: 10 }, () => ({ type: 'mrkdwn', text: 'f'.repeat(2000) })) },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'approve',
              style: 'primary',
              text: { type: 'plain_text', text: 'b'.repeat(75) },
              value: 'v'.repeat(2000),
              confirm: {
                title: { type: 'plain_text', text: 't'.repeat(100) },
                text: { type: 'mrkdwn', text: 'c'.repeat(300) },
                confirm: { type: 'plain_text', text: 'y'.repeat(30) },
                deny: { type: 'plain_text', text: 'n'.repeat(30) },
              },
            },
          ],
        },
        ...Array.from({ length: 46 }, () => ({ type: 'divider' })),
      ];

      // Act
      const answer = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'fallback', blocks });

      // Assess
      expect(answer.json.ok).toBe(true);
      expect(slack.messages('C0MODELS01')[0].blocks).toHaveLength(50);
    });

    it('answers invalid_json, json_not_object, invalid_post_type and missing_post_type to malformed requests', async () => {
      // Act
      const badJson = await callJson('chat.postMessage', '{"channel":');
      const array = await callJson('chat.postMessage', '[1]');
      const xml = await fetch(`${slack.apiUrl}/chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}` },
        body: '<x/>',
      });
      const untyped = await fetch(`${slack.apiUrl}/chat.postMessage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: new Uint8Array(Buffer.from('channel=C0MODELS01')),
      });

      // Assess
      expect(badJson.json).toEqual({ ok: false, error: 'invalid_json' });
      expect(array.json).toEqual({ ok: false, error: 'json_not_object' });
      expect(await xml.json()).toEqual({ ok: false, error: 'invalid_post_type' });
      expect(await untyped.json()).toEqual({ ok: false, error: 'missing_post_type' });
    });

    it('answers unknown_method for a method it does not serve', async () => {
      // Act
      const answer = await callJson('chat.delete', { channel: 'C0MODELS01', ts: '1.2' });

      // Assess
      expect(answer.json).toEqual({ ok: false, error: 'unknown_method', req_method: 'chat.delete' });
    });
  });

  describe('chat.update', () => {
    it('replaces the text and blocks of a message, keeps its ts and marks it edited', async () => {
      // Prepare
      const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'waiting' } }];
      const posted = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'waiting', blocks });
      await clock.tick('5s');
      const newBlocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'approved by ana' } }];

      // Act
      const updated = await callJson('chat.update', {
        channel: 'C0MODELS01',
        ts: posted.json.ts,
        text: 'approved',
        blocks: newBlocks,
      });

      // Assess
      expect(updated.json).toMatchObject({
        ok: true,
        channel: 'C0MODELS01',
        ts: posted.json.ts,
        text: 'approved',
        message: {
          text: 'approved',
          blocks: newBlocks,
          edited: { user: SLACK_DEFAULTS.botUserId, ts: '1772442005.000000' },
        },
      });
      expect(slack.message('C0MODELS01', String(posted.json.ts))).toMatchObject({
        text: 'approved',
        blocks: newBlocks,
      });
      expect(slack.messages('C0MODELS01')).toHaveLength(1);
    });

    it('keeps the blocks when only the text changes', async () => {
      // Prepare
      const blocks = [{ type: 'divider' }];
      const posted = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'before', blocks });

      // Act
      await callJson('chat.update', { channel: 'C0MODELS01', ts: posted.json.ts, text: 'after' });

      // Assess
      expect(slack.message('C0MODELS01', String(posted.json.ts))).toMatchObject({ text: 'after', blocks });
    });

    it('answers message_not_found, channel_not_found and the content errors', async () => {
      // Prepare
      const posted = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: 'a' });

      // Act
      const noMessage = await callJson('chat.update', { channel: 'C0MODELS01', ts: '1.000001', text: 'b' });
      const noTs = await callJson('chat.update', { channel: 'C0MODELS01', text: 'b' });
      const noChannel = await callJson('chat.update', { channel: 'C0NOWHERE1', ts: posted.json.ts, text: 'b' });
      const noText = await callJson('chat.update', { channel: 'C0MODELS01', ts: posted.json.ts });
      const badBlocks = await callJson('chat.update', {
        channel: 'C0MODELS01',
        ts: posted.json.ts,
        text: 'b',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }],
      });
      const unauthorised = await callJson(
        'chat.update',
        { channel: 'C0MODELS01', ts: posted.json.ts, text: 'b' },
        'xoxb-other',
      );

      // Assess
      expect(noMessage.json).toEqual({ ok: false, error: 'message_not_found' });
      expect(noTs.json).toEqual({ ok: false, error: 'message_not_found' });
      expect(noChannel.json).toEqual({ ok: false, error: 'channel_not_found' });
      expect(noText.json).toEqual({ ok: false, error: 'no_text' });
      expect(badBlocks.json.error).toBe('invalid_blocks');
      expect(unauthorised.json).toEqual({ ok: false, error: 'invalid_auth' });
      expect(slack.message('C0MODELS01', String(posted.json.ts))?.text).toBe('a');
    });
  });

  describe('failure switches', () => {
    it('answers ratelimited with HTTP 429 and Retry-After, then 5xx, for the next calls only, posting nothing meanwhile', async () => {
      // Prepare
      slack.failNext(2, { kind: 'ratelimited', retryAfterSeconds: 3 });
      slack.failNext(1, { kind: 'serverError', status: 500 });

      // Act
      const first = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: '1' });
      const second = await callJson('chat.update', { channel: 'C0MODELS01', ts: '1.1', text: '2' });
      const third = await fetch(`${slack.apiUrl}/chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ channel: 'C0MODELS01', text: '3' }),
      });
      const fourth = await callJson('chat.postMessage', { channel: 'C0MODELS01', text: '4' });

      // Assess
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('3');
      expect(first.json).toEqual({ ok: false, error: 'ratelimited' });
      expect(second.status).toBe(429);
      expect(third.status).toBe(500);
      expect(fourth.json.ok).toBe(true);
      expect(slack.messages('C0MODELS01').map((m) => m.text)).toEqual(['4']);
      expect(slack.calls().map((call) => [call.method, call.status, call.body?.text])).toEqual([
        ['chat.postMessage', 429, '1'],
        ['chat.update', 429, '2'],
        ['chat.postMessage', 500, '3'],
        ['chat.postMessage', 200, '4'],
      ]);
    });

    it('refuses a count that is not a whole number', () => {
      // Act and assess
      expect(() => slack.failNext(1.5, { kind: 'serverError' })).toThrow('failNext count must be a whole number');
    });
  });
});
