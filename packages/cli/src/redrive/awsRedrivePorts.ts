import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { FleetRecord } from '@fleet/shared';
import type { DeadLetterMessage } from './DeadLetterMessage.js';
import type { DeadLetterQueuePort, RedrivePorts } from './RedrivePorts.js';

/** The clients a redrive talks to; `close` lets the command's process end. */
export type AwsRedriveClients = { sqs: SQSClient; lambda: LambdaClient; sfn: SFNClient; close: () => void };

/**
 * SQS, Lambda and Step Functions clients with the SDK's default credentials, in `region` when
 * given; `AWS_ENDPOINT_URL_<SERVICE>` points them at the local cloud.
 */
export const awsRedriveClients = (region?: string): AwsRedriveClients => {
  const config = region === undefined ? {} : { region };
  const sqs = new SQSClient(config);
  const lambda = new LambdaClient(config);
  const sfn = new SFNClient(config);
  return {
    sqs,
    lambda,
    sfn,
    close: () => {
      sqs.destroy();
      lambda.destroy();
      sfn.destroy();
    },
  };
};

/**
 * The dead-letter queue of that name, through SQS: received messages stay hidden for
 * `visibilityTimeout` seconds while the redrive works on them.
 *
 * @throws the SDK's `QueueDoesNotExist` when no queue has that name
 */
export const sqsDeadLetterQueue = async (
  sqs: SQSClient,
  name: string,
  options: { visibilityTimeout?: number; warn: (line: string) => void },
): Promise<DeadLetterQueuePort> => {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  const url = QueueUrl as string;
  let arn: string | undefined;
  return {
    name,
    receive: async (max) => {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: max,
          VisibilityTimeout: options.visibilityTimeout ?? 60,
          WaitTimeSeconds: 1,
          MessageAttributeNames: ['All'],
        }),
      );
      return Messages.map(
        (message): DeadLetterMessage => ({
          messageId: message.MessageId as string,
          receiptHandle: message.ReceiptHandle as string,
          body: message.Body ?? '',
          attributes: Object.fromEntries(
            Object.entries(message.MessageAttributes ?? {}).flatMap(([key, value]) =>
              value.StringValue === undefined ? [] : [[key, value.StringValue]],
            ),
          ),
        }),
      );
    },
    delete: async (message) => {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.receiptHandle }));
    },
    release: async (message) => {
      try {
        await sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: url,
            ReceiptHandle: message.receiptHandle,
            VisibilityTimeout: 0,
          }),
        );
      } catch (error) {
        // It becomes visible again when its visibility timeout ends; say so rather than fail the run.
        options.warn(
          `message ${message.messageId} stays hidden until its visibility timeout ends: ${(error as Error).name}: ${(error as Error).message}`,
        );
      }
    },
    arn: async () => {
      if (arn === undefined) {
        const { Attributes } = await sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
        );
        arn = Attributes?.QueueArn as string;
      }
      return arn;
    },
  };
};

/** The redrive's ports on AWS (or the local cloud): Lambda's `Invoke` (Event), Step Functions' `StartExecution`, the records table. */
export const awsRedrivePorts = (options: {
  clients: AwsRedriveClients;
  queue: DeadLetterQueuePort;
  putRecord: (record: FleetRecord) => Promise<void>;
  snsSubscribers: RedrivePorts['snsSubscribers'];
}): RedrivePorts => ({
  queue: options.queue,
  invokeAsync: async (functionArn, payload) => {
    const output = await options.clients.lambda.send(
      new InvokeCommand({
        FunctionName: functionArn,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
    );
    if (output.StatusCode !== 202) {
      throw new Error(`Lambda answered ${output.StatusCode} to an Event invocation of ${functionArn}, not 202`);
    }
  },
  startExecution: async (stateMachineArn, input) => {
    const { executionArn } = await options.clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
    return executionArn as string;
  },
  snsSubscribers: options.snsSubscribers,
  putRecord: options.putRecord,
  now: () => new Date(),
  newId: () => randomUUID(),
});
