import * as z from 'zod';

/**
 * An API Gateway HTTP API request, payload format 2.0: the fields the fleet reads.
 *
 * Loose, so the many context fields API Gateway adds pass through; header names are
 * lower-cased by API Gateway and again here, so a local caller's `X-Slack-Signature` is found too.
 */
export const HttpApiEvent = z.looseObject({
  version: z.string().optional(),
  routeKey: z.string().optional(),
  rawPath: z.string().default('/'),
  rawQueryString: z.string().default(''),
  headers: z
    .record(z.string(), z.string())
    .default({})
    .transform((headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))),
  queryStringParameters: z.record(z.string(), z.string()).default({}),
  pathParameters: z.record(z.string(), z.string()).default({}),
  requestContext: z.looseObject({
    requestId: z.string().optional(),
    http: z.looseObject({ method: z.string().min(1), path: z.string().optional() }),
  }),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().default(false),
});

/** An HTTP API request after validation (headers lower-cased, defaults applied). */
export type HttpApiEvent = z.output<typeof HttpApiEvent>;
