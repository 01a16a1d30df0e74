import { randomBytes } from 'node:crypto';
import type { LocalClock } from '../clock/LocalClock.js';
import { LocalCloudError } from '../cloud/LocalCloudError.js';
import { StandInServer } from '../http/StandInServer.js';
import type { HttpRequest, HttpResponse } from '../http/startHttpServer.js';
import { isPlainObject } from '../isPlainObject.js';
import {
  blockActionsPayload,
  findBlockElement,
  type SlackActingUser,
  type SlackMessage,
} from './blockActionsPayload.js';
import { parseSlackApiRequest } from './parseSlackApiRequest.js';
import { readMessageContent } from './readMessageContent.js';
import {
  type SlackChannel,
  type SlackChannelOption,
  SlackConversations,
  type StoredSlackMessage,
} from './SlackConversations.js';
import { RESPONSE_URL_PREFIX, slackHttpHandler, slackJson } from './slackHttpHandler.js';
import { slackSignature } from './slackSignature.js';
import { SlackTsSequence } from './slackTs.js';

/** The workspace the stand-in plays when options do not say otherwise. */
export const SLACK_DEFAULTS = {
  signingSecret: 'local0signing0secret0for0slack00',
  botToken: 'xoxb-0000000000-0000000000000-localbottokenforslack',
  teamId: 'T0LOCAL0001',
  teamDomain: 'local-workspace',
  appId: 'A0LOCAL0001',
  botUserId: 'U0LOCALBOT1',
  botId: 'B0LOCAL0001',
  channel: { id: 'C0LOCAL0001', name: 'general' },
  verificationToken: 'localverificationtoken00',
} as const;

/** Options of the Slack stand-in. */
export type LocalSlackOptions = {
  /** Dates the messages and interactions; `X-Slack-Request-Timestamp` is its time. */
  clock: LocalClock;
  /** The app's signing secret, which signs interactions (default `SLACK_DEFAULTS.signingSecret`). */
  signingSecret?: string;
  /** The only bot token the Web API accepts (default `SLACK_DEFAULTS.botToken`). */
  botToken?: string;
  /** Where button clicks are sent (the app's Request URL); `setInteractivityUrl` sets it later. */
  interactivityUrl?: string;
  /**
   * The workspace's channels (ids, or `{ id, name, member }`; `member: false` makes posting answer
   * `not_in_channel`); a message to any other is `channel_not_found`. Default: one channel,
   * `SLACK_DEFAULTS.channel`. `addChannel` adds more.
   */
  channels?: readonly SlackChannelOption[];
  team?: { id: string; domain: string };
  appId?: string;
};

/** One Web API call, as received and as answered. */
export type SlackApiCall = {
  /** e.g. `chat.postMessage` */
  method: string;
  at: Date;
  contentType?: string;
  rawBody: string;
  /** The body as received: the JSON object, or the form fields (the token field hidden as `***`). */
  body: Record<string, unknown> | undefined;
  status: number;
  /** The JSON answered, when the answer was JSON. */
  response?: Record<string, unknown>;
};

/** A click on a button of a message the stand-in holds. */
export type ClickButtonInput = {
  /** The channel's id or name. */
  channel: string;
  /** The `ts` of the message holding the button. */
  ts: string;
  actionId: string;
  user: SlackActingUser;
  /** Default: the stand-in's signing secret (another one forges the request). */
  signingSecret?: string;
  /** Default: the interactivity URL the stand-in was given. */
  url?: string;
};

/** One post to a `response_url`, as received. */
export type SlackResponseUrlPost = {
  /** The full `response_url` posted to. */
  url: string;
  /** The clock's time when it arrived. */
  at: Date;
  contentType?: string;
  rawBody: string;
  /** The parsed JSON body (`response_type`, `text`, `replace_original`, `blocks`...); undefined when not JSON. */
  body: Record<string, unknown> | undefined;
  /** The HTTP status the stand-in answered. */
  status: number;
};

/** A button click to send to an interactivity URL. */
export type SendBlockActionInput = {
  /** The interactivity URL (the app's Request URL). */
  url: string;
  /** The secret that signs the request (a wrong one makes a forged request). */
  signingSecret: string;
  user: SlackActingUser;
  actionId: string;
  value: string;
  blockId?: string;
  /** Default: a fresh `response_url` of this stand-in (which records what is posted to it). */
  responseUrl?: string;
  /** The message holding the button, when the click is on one. */
  message?: SlackMessage;
  channel?: { id: string; name?: string };
};

/** What a sent interaction gave: the app's answer and what was sent. */
export type SlackInteractionResult = {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** The `block_actions` payload sent. */
  payload: Record<string, unknown>;
  /** The `response_url` the payload carried; `responses(responseUrl)` reads what the app posted to it. */
  responseUrl: string;
  /** `X-Slack-Request-Timestamp` (Unix seconds of the clock). */
  timestamp: number;
  /** `X-Slack-Signature`. */
  signature: string;
  /** The raw form body sent (`payload=<url-encoded json>`). */
  rawBody: string;
};

/** How the next calls fail: Slack's `ratelimited` (HTTP 429 with `Retry-After`) or a server error. */
export type SlackFailure =
  | { kind: 'ratelimited'; retryAfterSeconds?: number }
  | { kind: 'serverError'; status?: number };

/** Which calls a failure switch applies to. */
export type SlackSurface = 'webApi' | 'responseUrl';

/**
 * A Slack workspace on the local clock: the Web API's `chat.postMessage` and `chat.update` (and
 * `auth.test`) with Slack's token check and Block Kit limits, channels holding the messages and
 * threads, `response_url` endpoints that record what apps post to them, correctly signed
 * `block_actions` interactions sent to an app (`sendBlockAction`, `clickButton`), and switches
 * that make the next calls fail as Slack does when it rate-limits or breaks.
 *
 * It speaks Slack's HTTP (`listen()`), so an app under test calls it with `fetch` exactly as it
 * would call Slack, given the base URL (`apiUrl`).
 */
export class LocalSlack {
  readonly #clock: LocalClock;
  readonly #server: StandInServer;
  readonly #signingSecret: string;
  readonly #botToken: string;
  readonly #team: { id: string; domain: string };
  readonly #appId: string;
  #interactivityUrl?: string;
  readonly #responsePosts: SlackResponseUrlPost[] = [];
  readonly #interactions: SlackInteractionResult[] = [];
  readonly #failures: Record<SlackSurface, SlackFailure[]> = { webApi: [], responseUrl: [] };
  readonly #actionTs = new SlackTsSequence();
  readonly #conversations: SlackConversations;
  readonly #calls: SlackApiCall[] = [];
  #responseUrlCount = 0;

  constructor(options: LocalSlackOptions) {
    this.#clock = options.clock;
    this.#signingSecret = options.signingSecret ?? SLACK_DEFAULTS.signingSecret;
    this.#botToken = options.botToken ?? SLACK_DEFAULTS.botToken;
    this.#team = options.team ?? { id: SLACK_DEFAULTS.teamId, domain: SLACK_DEFAULTS.teamDomain };
    this.#appId = options.appId ?? SLACK_DEFAULTS.appId;
    this.#interactivityUrl = options.interactivityUrl;
    this.#conversations = new SlackConversations(options.channels ?? [SLACK_DEFAULTS.channel], {
      userId: SLACK_DEFAULTS.botUserId,
      botId: SLACK_DEFAULTS.botId,
      appId: this.#appId,
      teamId: this.#team.id,
    });
    this.#server = new StandInServer(
      slackHttpHandler({
        webApi: (method, request) => this.#answerWebApi(method, request),
        responseUrl: (request) => this.#answerResponseUrl(request),
      }),
    );
  }

  /** The signing secret interactions are signed with. */
  get signingSecret(): string {
    return this.#signingSecret;
  }

  /** The bot token the Web API accepts. */
  get botToken(): string {
    return this.#botToken;
  }

  /** Starts serving on a loopback port (0: any free one); resolves to the endpoint URL. */
  listen(options: { port?: number } = {}): Promise<string> {
    return this.#server.listen(options);
  }

  /** The endpoint URL while listening, else undefined. */
  get endpoint(): string | undefined {
    return this.#server.endpoint;
  }

  /** The Web API's base URL (as `https://slack.com/api`): a method is `<apiUrl>/chat.postMessage`. */
  get apiUrl(): string {
    return `${this.#requireEndpoint('the Web API URL')}/api`;
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  /** Adds a channel to the workspace (or changes its name or membership). */
  addChannel(channel: SlackChannelOption): SlackChannel {
    return this.#conversations.add(channel);
  }

  /** The workspace's channels. */
  channels(): SlackChannel[] {
    return this.#conversations.channels();
  }

  /**
   * The messages of a channel (id or name), thread replies included, in posting order, as they
   * stand now (updates applied); every channel's when none is given. Copies: safe to keep.
   */
  messages(channel?: string): StoredSlackMessage[] {
    return structuredClone(this.#conversations.messages(channel));
  }

  /** One message by channel (id or name) and `ts`, as it stands now. */
  message(channel: string, ts: string): StoredSlackMessage | undefined {
    const found = this.#conversations.message(channel, ts);
    return found === undefined ? undefined : structuredClone(found);
  }

  /** A thread: its parent message and the replies, in order. */
  thread(channel: string, threadTs: string): StoredSlackMessage[] {
    return structuredClone(this.#conversations.thread(channel, threadTs));
  }

  /** Every Web API call received, oldest first (those failed by a switch included); only `method`'s when given. */
  calls(method?: string): SlackApiCall[] {
    return structuredClone(this.#calls.filter((call) => method === undefined || call.method === method));
  }

  /** Sets where `clickButton` sends interactions (the app's Request URL). */
  setInteractivityUrl(url: string): void {
    this.#interactivityUrl = url;
  }

  /** Where `clickButton` sends interactions, once set. */
  get interactivityUrl(): string | undefined {
    return this.#interactivityUrl;
  }

  /**
   * A fresh `response_url` of this workspace, shaped like Slack's
   * (`<endpoint>/actions/<team>/<number>/<secret>`); what is posted to it is kept in `responses()`.
   *
   * @throws LocalCloudError when the stand-in is not listening
   */
  newResponseUrl(): string {
    this.#responseUrlCount += 1;
    const id = String(1_000_000_000 + this.#responseUrlCount);
    return `${this.#requireEndpoint('a response_url')}${RESPONSE_URL_PREFIX}${this.#team.id}/${id}/${randomBytes(12).toString('hex')}`;
  }

  /** What was posted to `response_url`s, oldest first; only those to `url` when given. */
  responses(url?: string): SlackResponseUrlPost[] {
    return this.#responsePosts.filter((post) => url === undefined || post.url === url);
  }

  /** The interactions sent so far, oldest first. */
  interactions(): SlackInteractionResult[] {
    return [...this.#interactions];
  }

  /**
   * Makes the next `count` calls of one surface (default the Web API) fail as `failure` says,
   * e.g. `failNext(2, { kind: 'ratelimited', retryAfterSeconds: 3 })`. Switches queue up in order.
   */
  failNext(count: number, failure: SlackFailure, surface: SlackSurface = 'webApi'): void {
    if (!Number.isInteger(count) || count < 0)
      throw new LocalCloudError(`failNext count must be a whole number, got ${count}`);
    for (let i = 0; i < count; i += 1) this.#failures[surface].push(failure);
  }

  /**
   * Sends a user's button click to an app as Slack does: the `block_actions` payload form-encoded
   * as `payload=<json>`, with `X-Slack-Request-Timestamp` (the clock's Unix seconds) and
   * `X-Slack-Signature` (`v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>` with `signingSecret`).
   * Resolves with the app's answer, whatever its status.
   *
   * @throws LocalCloudError when no `responseUrl` is given and the stand-in is not listening, or the request cannot be sent
   */
  async sendBlockAction(input: SendBlockActionInput): Promise<SlackInteractionResult> {
    const responseUrl = input.responseUrl ?? this.newResponseUrl();
    const nowMs = this.#clock.nowMs();
    const payload = blockActionsPayload({
      team: this.#team,
      appId: this.#appId,
      verificationToken: SLACK_DEFAULTS.verificationToken,
      user: input.user,
      actionId: input.actionId,
      value: input.value,
      blockId: input.blockId,
      responseUrl,
      triggerId: `${Math.floor(nowMs / 1000)}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString('hex')}`,
      actionTs: this.#actionTs.next(nowMs),
      message: input.message,
      channel: input.channel,
    });
    const rawBody = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const timestamp = Math.floor(nowMs / 1000);
    const signature = slackSignature(input.signingSecret, timestamp, rawBody);
    let response: Response;
    try {
      response = await fetch(input.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
          'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        },
        body: rawBody,
      });
    } catch (error) {
      throw new LocalCloudError(`the Slack stand-in could not send the interaction to ${input.url}`, { cause: error });
    }
    const result: SlackInteractionResult = {
      status: response.status,
      body: await response.text(),
      headers: Object.fromEntries(response.headers.entries()),
      payload,
      responseUrl,
      timestamp,
      signature,
      rawBody,
    };
    this.#interactions.push(result);
    return result;
  }

  /**
   * Clicks a button of a message the stand-in holds, as `user`: the `block_actions` payload of
   * that button (its `action_id`, `value`, block, text and style; the message and channel),
   * signed with the workspace's signing secret and sent to the interactivity URL.
   *
   * @throws LocalCloudError when there is no interactivity URL, no such message, or no such button on it
   */
  async clickButton(input: ClickButtonInput): Promise<SlackInteractionResult> {
    const url = input.url ?? this.#interactivityUrl;
    if (url === undefined) {
      throw new LocalCloudError(
        'the Slack stand-in has no interactivity URL to send the click to (setInteractivityUrl)',
      );
    }
    const channel = this.#conversations.find(input.channel);
    const message = channel === undefined ? undefined : this.#conversations.message(channel.id, input.ts);
    if (channel === undefined || message === undefined) {
      throw new LocalCloudError(`the Slack stand-in holds no message ${input.ts} in channel ${input.channel}`);
    }
    const button = findBlockElement(message.blocks, input.actionId);
    if (button === undefined) {
      throw new LocalCloudError(
        `message ${input.ts} in channel ${input.channel} has no element with action_id ${input.actionId}`,
      );
    }
    const { channel: _channel, ...slackMessage } = structuredClone(message);
    return this.sendBlockAction({
      url,
      signingSecret: input.signingSecret ?? this.#signingSecret,
      user: input.user,
      actionId: input.actionId,
      value: typeof button.element.value === 'string' ? button.element.value : '',
      message: slackMessage,
      channel: { id: channel.id, name: channel.name },
    });
  }

  #requireEndpoint(what: string): string {
    const endpoint = this.#server.endpoint;
    if (endpoint === undefined) throw new LocalCloudError(`the Slack stand-in is not listening, so it has no ${what}`);
    return endpoint;
  }

  /** The next queued failure of a surface as an HTTP answer, if any. */
  #takeFailure(surface: SlackSurface): HttpResponse | undefined {
    const failure = this.#failures[surface].shift();
    if (failure === undefined) return undefined;
    if (failure.kind === 'ratelimited') {
      return slackJson({ ok: false, error: 'ratelimited' }, 429, {
        'retry-after': String(failure.retryAfterSeconds ?? 1),
      });
    }
    return { status: failure.status ?? 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' };
  }

  async #answerWebApi(method: string, request: HttpRequest): Promise<HttpResponse> {
    const parsed = parseSlackApiRequest(request);
    const received = 'received' in parsed ? parsed.received : undefined;
    const response = this.#takeFailure('webApi') ?? this.#callWebApi(method, parsed);
    this.#calls.push({
      method,
      at: this.#clock.now(),
      contentType: request.headers['content-type'],
      rawBody: request.body,
      body: received !== undefined && typeof received.token === 'string' ? { ...received, token: '***' } : received,
      status: response.status,
      response: parseJsonObject(response.body ?? ''),
    });
    return response;
  }

  #callWebApi(method: string, parsed: ReturnType<typeof parseSlackApiRequest>): HttpResponse {
    if (!WEB_API_METHODS.has(method)) return slackJson({ ok: false, error: 'unknown_method', req_method: method });
    if ('error' in parsed) return slackJson({ ok: false, error: parsed.error });
    if (parsed.token === undefined || parsed.token === '') return slackJson({ ok: false, error: 'not_authed' });
    if (parsed.token !== this.#botToken) return slackJson({ ok: false, error: 'invalid_auth' });
    const { args } = parsed;
    if (method === 'auth.test') {
      return slackJson({
        ok: true,
        url: `https://${this.#team.domain}.slack.com/`,
        team: this.#team.domain,
        user: 'fleet-bot',
        team_id: this.#team.id,
        user_id: SLACK_DEFAULTS.botUserId,
        bot_id: SLACK_DEFAULTS.botId,
        is_enterprise_install: false,
      });
    }
    if (typeof args.channel !== 'string' || args.channel === '')
      return slackJson({ ok: false, error: 'channel_not_found' });
    if (method === 'chat.update' && (typeof args.ts !== 'string' || args.ts === '')) {
      return slackJson({ ok: false, error: 'message_not_found' });
    }
    const content = readMessageContent(args);
    if ('error' in content) {
      return slackJson({
        ok: false,
        error: content.error,
        ...(content.problems === undefined
          ? {}
          : {
              errors: content.problems,
              response_metadata: { messages: content.problems.map((problem) => `[ERROR] ${problem}`) },
            }),
      });
    }
    const nowMs = this.#clock.nowMs();
    if (method === 'chat.postMessage') {
      const threadTs = typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
      const posted = this.#conversations.post(args.channel, content, nowMs, {
        threadTs,
        replyBroadcast: threadTs !== undefined && (args.reply_broadcast === true || args.reply_broadcast === 'true'),
      });
      if ('error' in posted) return slackJson({ ok: false, error: posted.error });
      const { channel, ...message } = posted;
      return slackJson({ ok: true, channel, ts: posted.ts, message });
    }
    const updated = this.#conversations.update(args.channel, String(args.ts), content, nowMs);
    if ('error' in updated) return slackJson({ ok: false, error: updated.error });
    const { channel, ...message } = updated;
    return slackJson({ ok: true, channel, ts: updated.ts, text: updated.text, message });
  }

  async #answerResponseUrl(request: HttpRequest): Promise<HttpResponse> {
    const record = (status: number, body: Record<string, unknown> | undefined): void => {
      this.#responsePosts.push({
        url: `${this.#requireEndpoint('a response_url')}${request.path}`,
        at: this.#clock.now(),
        contentType: request.headers['content-type'],
        rawBody: request.body,
        body,
        status,
      });
    };
    const failed = this.#takeFailure('responseUrl');
    const body = parseJsonObject(request.body);
    if (failed) {
      record(failed.status, body);
      return failed;
    }
    if (body === undefined) {
      record(400, undefined);
      return slackJson({ ok: false, error: 'invalid_payload' }, 400);
    }
    record(200, body);
    return slackJson({ ok: true });
  }
}

/** The Web API methods the stand-in serves. */
const WEB_API_METHODS = new Set(['auth.test', 'chat.postMessage', 'chat.update']);

const parseJsonObject = (raw: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(raw);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};
