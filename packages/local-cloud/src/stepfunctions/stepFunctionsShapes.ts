import type { StructureShape } from '../http/checkShape.js';

const arn = { type: 'string', min: 1, max: 256 } as const;
const token = { type: 'string', min: 1, max: 2048 } as const;
const maxResults = { type: 'integer', min: 0, max: 1000 } as const;
const nextToken = { type: 'string', min: 1, max: 3096 } as const;

/** The statuses of an execution. */
export const EXECUTION_STATUSES = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
] as const;

/**
 * The input shapes of the Step Functions operations the stand-in serves, with the constraints of
 * the service model (`@aws-sdk/client-sfn`): what AWS answers with a `ValidationException`.
 */
export const STEP_FUNCTIONS_SHAPES: Record<string, StructureShape> = {
  StartExecution: {
    type: 'structure',
    members: {
      stateMachineArn: { ...arn, required: true },
      name: { type: 'string', min: 1, max: 80 },
      input: { type: 'string', max: 262144 },
      traceHeader: { type: 'string', max: 256 },
    },
  },
  DescribeExecution: { type: 'structure', members: { executionArn: { ...arn, required: true } } },
  ListExecutions: {
    type: 'structure',
    members: {
      stateMachineArn: arn,
      statusFilter: { type: 'string', enum: EXECUTION_STATUSES },
      maxResults,
      nextToken,
    },
  },
  StopExecution: {
    type: 'structure',
    members: {
      executionArn: { ...arn, required: true },
      error: { type: 'string', max: 256 },
      cause: { type: 'string', max: 32768 },
    },
  },
  GetExecutionHistory: {
    type: 'structure',
    members: {
      executionArn: { ...arn, required: true },
      maxResults,
      reverseOrder: { type: 'boolean' },
      nextToken,
      includeExecutionData: { type: 'boolean' },
    },
  },
  SendTaskSuccess: {
    type: 'structure',
    members: { taskToken: { ...token, required: true }, output: { type: 'string', max: 262144, required: true } },
  },
  SendTaskFailure: {
    type: 'structure',
    members: {
      taskToken: { ...token, required: true },
      error: { type: 'string', max: 256 },
      cause: { type: 'string', max: 32768 },
    },
  },
  SendTaskHeartbeat: { type: 'structure', members: { taskToken: { ...token, required: true } } },
  DescribeStateMachine: { type: 'structure', members: { stateMachineArn: { ...arn, required: true } } },
  ListStateMachines: { type: 'structure', members: { maxResults, nextToken } },
};
