import {
  DescribePipelineCommand,
  DescribePipelineExecutionCommand,
  paginateListPipelineExecutions,
  type SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import type { PipelineRunner, StartExecutionInput } from '../app/ports.js';

/** How far back the in-flight check looks for executions that are still running. */
export const inFlightLookbackDays = 30;

/**
 * Reads the parameters a pipeline definition (DescribePipeline's `PipelineDefinition`, JSON)
 * declares in its `Parameters: [{ Name, Type, DefaultValue? }]`: each name with its default as
 * SageMaker would pass it (a string; numbers and booleans in their JSON spelling), or
 * `undefined` when it declares none.
 *
 * @throws Error naming the pipeline when the definition is not JSON or its parameters are malformed
 */
export const definitionParameters = (
  pipelineName: string,
  definition: string | undefined,
): Map<string, string | undefined> => {
  if (definition === undefined) {
    throw new Error(`DescribePipeline for "${pipelineName}" returned no PipelineDefinition`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch (error) {
    throw new Error(`the PipelineDefinition of "${pipelineName}" is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parameters = (parsed as { Parameters?: unknown } | null)?.Parameters ?? [];
  if (!Array.isArray(parameters)) {
    throw new Error(`the PipelineDefinition of "${pipelineName}" has a "Parameters" that is not a list`);
  }
  return new Map(
    parameters.map((parameter: unknown, i) => {
      const { Name: name, DefaultValue: value } = (parameter ?? {}) as { Name?: unknown; DefaultValue?: unknown };
      if (typeof name !== 'string' || name === '') {
        throw new Error(`the PipelineDefinition of "${pipelineName}" has no Name in Parameters[${i}]`);
      }
      const defaultValue =
        value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
      return [name, defaultValue] as const;
    }),
  );
};

/**
 * Reads the parameter names a pipeline definition declares (see {@link definitionParameters}).
 *
 * @throws Error naming the pipeline when the definition is not JSON or its parameters are malformed
 */
export const definitionParameterNames = (pipelineName: string, definition: string | undefined): Set<string> =>
  new Set(definitionParameters(pipelineName, definition).keys());

/**
 * SageMaker Pipelines through the AWS SDK: starts executions, answers the in-flight check and
 * reads the parameters a pipeline declares.
 *
 * Throttling and transient errors are retried by the client's retry strategy (build the
 * client with `maxAttempts`); what reaches the caller has failed for good.
 */
export class SageMakerPipelineRunner implements PipelineRunner {
  readonly #client: SageMakerClient;
  readonly #now: () => Date;
  // Per pipeline, for the life of the function instance: a definition changes with a deployment.
  readonly #declared = new Map<string, Promise<ReadonlyMap<string, string | undefined>>>();

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

  /**
   * Described once per pipeline per cold start; a failed lookup is not cached, so the next
   * trigger asks again.
   */
  async declaredParameters(pipelineName: string): Promise<ReadonlySet<string>> {
    return new Set((await this.#definition(pipelineName)).keys());
  }

  /** The defaults the pipeline declares, from the same (cached) DescribePipeline. */
  async declaredDefaults(pipelineName: string): Promise<Readonly<Record<string, string>>> {
    const declared = await this.#definition(pipelineName);
    return Object.fromEntries([...declared].filter((entry): entry is [string, string] => entry[1] !== undefined));
  }

  #definition(pipelineName: string): Promise<ReadonlyMap<string, string | undefined>> {
    const cached = this.#declared.get(pipelineName);
    if (cached !== undefined) return cached;
    const lookup = this.#client
      .send(new DescribePipelineCommand({ PipelineName: pipelineName }))
      .then((output) => definitionParameters(pipelineName, output.PipelineDefinition));
    this.#declared.set(pipelineName, lookup);
    return lookup.catch((error: unknown) => {
      // Forget the failed lookup so the next trigger asks again; the caller gets the error.
      if (this.#declared.get(pipelineName) === lookup) this.#declared.delete(pipelineName);
      throw error;
    });
  }

  async failureReason(executionArn: string): Promise<string | undefined> {
    const output = await this.#client.send(
      new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }),
    );
    return output.FailureReason;
  }
}
