import type { DescribePipelineCommandOutput } from '@aws-sdk/client-sagemaker';

/** Every parameter the pipelines of the handler tests' configuration may pass. */
export const testDeclaredParameters = [
  'InputDataUri',
  'DatasetName',
  'TrainingWindowDays',
  'TriggerReason',
  'ModelApprovalStatus',
] as const;

/**
 * A DescribePipeline answer whose `PipelineDefinition` declares the given parameters, shaped
 * like SageMaker's (a JSON document with `Parameters: [{ Name, Type, DefaultValue? }]`).
 */
export const describedPipeline = (
  name = 'churn-retrain',
  parameters: readonly string[] = testDeclaredParameters,
): Partial<DescribePipelineCommandOutput> => ({
  PipelineArn: `arn:aws:sagemaker:eu-west-1:123456789012:pipeline/${name.toLowerCase()}`,
  PipelineName: name,
  PipelineStatus: 'Active',
  PipelineDefinition: JSON.stringify({
    Version: '2020-12-01',
    Metadata: {},
    Parameters: parameters.map((Name) =>
      Name === 'ModelApprovalStatus'
        ? { Name, Type: 'String', DefaultValue: 'PendingManualApproval' }
        : { Name, Type: 'String' },
    ),
    Steps: [],
  }),
});
