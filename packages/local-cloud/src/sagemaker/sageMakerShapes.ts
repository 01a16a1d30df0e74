import type { StringShape, StructureShape } from '../http/checkShape.js';

// Constraints copied from the SageMaker API reference (sagemaker-2017-07-24) for each member.
const pipelineNameOrArn: StringShape = {
  type: 'string',
  min: 1,
  max: 2048,
  pattern: '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:pipeline/.*)?([a-zA-Z0-9](-*[a-zA-Z0-9]){0,255})',
};
const pipelineExecutionArn: StringShape = {
  type: 'string',
  max: 2048,
  pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:pipeline\\/.*\\/execution\\/.*',
};
const idempotencyToken: StringShape = { type: 'string', min: 32, max: 128 };

/** StartPipelineExecutionRequest. */
export const StartPipelineExecutionInput: StructureShape = {
  type: 'structure',
  members: {
    PipelineName: { ...pipelineNameOrArn, required: true },
    PipelineExecutionDisplayName: { type: 'string', min: 1, max: 82, pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}' },
    PipelineParameters: {
      type: 'list',
      min: 0,
      max: 200,
      member: {
        type: 'structure',
        members: {
          Name: { type: 'string', min: 1, max: 256, pattern: '^[A-Za-z0-9\\-_]*$', required: true },
          Value: { type: 'string', min: 0, max: 1024, required: true },
        },
      },
    },
    PipelineExecutionDescription: { type: 'string', min: 0, max: 3072, pattern: '.*' },
    ClientRequestToken: { ...idempotencyToken, required: true },
    ParallelismConfiguration: {
      type: 'structure',
      members: { MaxParallelExecutionSteps: { type: 'integer', min: 1, required: true } },
    },
    SelectiveExecutionConfig: {
      type: 'structure',
      members: {
        SourcePipelineExecutionArn: pipelineExecutionArn,
        SelectedSteps: {
          type: 'list',
          min: 1,
          max: 50,
          required: true,
          member: {
            type: 'structure',
            members: { StepName: { type: 'string', min: 0, max: 256, pattern: '.*', required: true } },
          },
        },
      },
    },
    PipelineVersionId: { type: 'integer', min: 1 },
    MlflowExperimentName: { type: 'string', min: 1, max: 256, pattern: '.*' },
  },
};

/** DescribePipelineExecutionRequest. */
export const DescribePipelineExecutionInput: StructureShape = {
  type: 'structure',
  members: { PipelineExecutionArn: { ...pipelineExecutionArn, required: true } },
};

/** ListPipelineExecutionsRequest. */
export const ListPipelineExecutionsInput: StructureShape = {
  type: 'structure',
  members: {
    PipelineName: { ...pipelineNameOrArn, required: true },
    CreatedAfter: { type: 'timestamp' },
    CreatedBefore: { type: 'timestamp' },
    SortBy: { type: 'string', enum: ['CreationTime', 'PipelineExecutionArn'] },
    SortOrder: { type: 'string', enum: ['Ascending', 'Descending'] },
    NextToken: { type: 'string', max: 8192, pattern: '.*' },
    MaxResults: { type: 'integer', min: 1, max: 100 },
  },
};

/** DescribePipelineRequest. */
export const DescribePipelineInput: StructureShape = {
  type: 'structure',
  members: {
    PipelineName: { ...pipelineNameOrArn, required: true },
    PipelineVersionId: { type: 'integer', min: 1 },
  },
};

/** StopPipelineExecutionRequest. */
export const StopPipelineExecutionInput: StructureShape = {
  type: 'structure',
  members: {
    PipelineExecutionArn: { ...pipelineExecutionArn, required: true },
    ClientRequestToken: { ...idempotencyToken, required: true },
  },
};

/** ListPipelinesRequest. */
export const ListPipelinesInput: StructureShape = {
  type: 'structure',
  members: {
    PipelineNamePrefix: { type: 'string', min: 1, max: 256, pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}' },
    CreatedAfter: { type: 'timestamp' },
    CreatedBefore: { type: 'timestamp' },
    SortBy: { type: 'string', enum: ['Name', 'CreationTime'] },
    SortOrder: { type: 'string', enum: ['Ascending', 'Descending'] },
    NextToken: { type: 'string', max: 8192, pattern: '.*' },
    MaxResults: { type: 'integer', min: 1, max: 100 },
  },
};
