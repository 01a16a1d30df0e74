import {
  DescribePipelineExecutionCommand,
  paginateListPipelineExecutions,
  type SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import type { PipelineRunner, StartExecutionInput } from '../domain/ports.js';

/** How far back the in-flight check looks for executions that are still running. */
export const inFlightLookbackDays = 30;

/**
 * SageMaker Pipelines through the AWS SDK: starts executions and answers the in-flight check.
 *
 * Throttling and transient errors are retried by the client's retry strategy (build the
 * client with `maxAttempts`); what reaches the caller has failed for good.
 */
export class SageMakerPipelineRunner implements PipelineRunner {
  readonly #client: SageMakerClient;
  readonly #now: () => Date;

  constructor(client: SageMakerClient, now: () => Date = () => new Date()) {
    this.#client = client;
    this.#now = now;
  }

  async start(input: StartExecutionInput): Promise<{ executionArn: string }> {
    const output = await this.#client.send(
      new StartPipelineExecutionCommand({
        PipelineName: input.pipelineName,
        PipelineExecutionDisplayName: input.displayName,
        PipelineExecutionDescription: input.description,
        PipelineParameters: input.parameters,
        ClientRequestToken: input.clientRequestToken,
      }),
    );
    if (output.PipelineExecutionArn === undefined) {
      throw new Error(`StartPipelineExecution for "${input.pipelineName}" returned no PipelineExecutionArn`);
    }
    return { executionArn: output.PipelineExecutionArn };
  }

  /**
   * ListPipelineExecutions cannot filter by status, so this pages through the executions
   * created in the last 30 days, newest first, and stops at the first `Executing` one.
   */
  async isExecuting(pipelineName: string): Promise<boolean> {
    const createdAfter = new Date(this.#now().getTime() - inFlightLookbackDays * 86_400_000);
    const pages = paginateListPipelineExecutions(
      { client: this.#client, pageSize: 100 },
      { PipelineName: pipelineName, SortBy: 'CreationTime', SortOrder: 'Descending', CreatedAfter: createdAfter },
    );
    for await (const page of pages) {
      if ((page.PipelineExecutionSummaries ?? []).some((s) => s.PipelineExecutionStatus === 'Executing')) return true;
    }
    return false;
  }

  async failureReason(executionArn: string): Promise<string | undefined> {
    const output = await this.#client.send(
      new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }),
    );
    return output.FailureReason;
  }
}
