import * as z from 'zod';

/** Parses a string as JSON inside a schema, so a malformed message is an issue at its own path. */
const jsonString = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
    return z.NEVER;
  }
});

/**
 * The schema of an SNS event delivered to Lambda whose every message is JSON matching `message`.
 *
 * Messages are parsed and validated inside the schema, so a bad one is reported at
 * `Records.<i>.Sns.Message.<field>` like any other validation error, and the handler receives
 * parsed messages.
 */
export const snsEventSchema = <M extends z.ZodType>(message: M) =>
  z.looseObject({
    Records: z
      .array(
        z.looseObject({
          EventSource: z.string().optional(),
          Sns: z.looseObject({
            MessageId: z.string().min(1),
            TopicArn: z.string().min(1),
            Subject: z.string().nullish(),
            Timestamp: z.string().optional(),
            MessageAttributes: z.record(z.string(), z.looseObject({ Type: z.string(), Value: z.string() })).default({}),
            Message: jsonString.pipe(message),
          }),
        }),
      )
      .min(1),
  });

/** An SNS event whose messages were parsed and validated as `M`. */
export type SnsEvent<M extends z.ZodType> = z.output<ReturnType<typeof snsEventSchema<M>>>;
/** One record of an {@link SnsEvent}. */
export type SnsRecord<M extends z.ZodType> = SnsEvent<M>['Records'][number];
