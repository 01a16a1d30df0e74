import {
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { ApprovalWorkflow } from '../app/ports.js';

const nameOf = (error: unknown): string => (error instanceof Error ? error.name : '');

/** The ARN of the execution `name` of a state machine. */
export const executionArnOf = (stateMachineArn: string, name: string): string =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** The approval state machine over the Step Functions SDK. */
export class StepFunctionsWorkflow implements ApprovalWorkflow {
  readonly #client: SFNClient;
  readonly #stateMachineArn: string;

  constructor(client: SFNClient, stateMachineArn: string) {
    this.#client = client;
    this.#stateMachineArn = stateMachineArn;
  }

  async start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }> {
    try {
      const out = await this.#client.send(
        new StartExecutionCommand({ stateMachineArn: this.#stateMachineArn, name, input: JSON.stringify(input) }),
      );
      return { executionArn: out.executionArn ?? executionArnOf(this.#stateMachineArn, name) };
    } catch (error) {
      // The same name with another input: an earlier attempt of this start got there first.
      if (nameOf(error) === 'ExecutionAlreadyExists')
        return { executionArn: executionArnOf(this.#stateMachineArn, name) };
      throw error;
    }
  }

  async sendSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    await this.#client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    try {
      await this.#client.send(new StopExecutionCommand({ executionArn, cause: cause.slice(0, 32_768) }));
    } catch (error) {
      if (nameOf(error) === 'ExecutionDoesNotExist') return;
      throw error;
    }
  }
}
