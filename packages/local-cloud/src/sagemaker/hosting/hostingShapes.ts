import type { IntegerShape, StringShape, StructureShape } from '../../http/checkShape.js';

// Constraints copied from the SageMaker API reference (sagemaker-2017-07-24) for each member.
const entityName: StringShape = { type: 'string', max: 63, pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}' };
const variantName: StringShape = { type: 'string', max: 63, pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}' };
const roleArn: StringShape = {
  type: 'string',
  min: 20,
  max: 2048,
  pattern: '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$',
};
const s3Uri: StringShape = { type: 'string', max: 512, pattern: '^(https|s3)://([^/])/?(.*)$' };
const seconds = (max: number, min = 0): IntegerShape => ({ type: 'integer', min, max });
const capacitySize: StructureShape = {
  type: 'structure',
  members: {
    Type: { type: 'string', enum: ['INSTANCE_COUNT', 'CAPACITY_PERCENT'], required: true },
    Value: { type: 'integer', min: 1, required: true },
  },
};
const container: StructureShape = {
  type: 'structure',
  members: {
    ContainerHostname: { type: 'string', max: 63, pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}' },
    Image: { type: 'string', max: 255, pattern: '[\\S]+' },
    ModelDataUrl: { type: 'string', max: 1024, pattern: '^(https|s3)://([^/]+)/?(.*)$' },
    Environment: { type: 'any' },
    ModelPackageName: {
      type: 'string',
      min: 1,
      max: 176,
      pattern:
        '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,9})?',
    },
    Mode: { type: 'string', enum: ['SingleModel', 'MultiModel'] },
  },
};

/** DeploymentConfig of CreateEndpoint and UpdateEndpoint (blue/green guardrails and auto-rollback). */
export const DeploymentConfigShape: StructureShape = {
  type: 'structure',
  members: {
    BlueGreenUpdatePolicy: {
      type: 'structure',
      members: {
        TrafficRoutingConfiguration: {
          type: 'structure',
          required: true,
          members: {
            Type: { type: 'string', enum: ['ALL_AT_ONCE', 'CANARY', 'LINEAR'], required: true },
            WaitIntervalInSeconds: { ...seconds(3600), required: true },
            CanarySize: capacitySize,
            LinearStepSize: capacitySize,
          },
        },
        TerminationWaitInSeconds: seconds(3600),
        MaximumExecutionTimeoutInSeconds: seconds(28800, 600),
      },
    },
    RollingUpdatePolicy: { type: 'any' },
    AutoRollbackConfiguration: {
      type: 'structure',
      members: {
        Alarms: {
          type: 'list',
          min: 1,
          max: 10,
          member: {
            type: 'structure',
            members: { AlarmName: { type: 'string', min: 1, max: 255, pattern: '^(?!\\s*$).+' } },
          },
        },
      },
    },
  },
};

/** CreateModelInput. */
export const CreateModelInput: StructureShape = {
  type: 'structure',
  members: {
    ModelName: { ...entityName, required: true },
    PrimaryContainer: container,
    Containers: { type: 'list', max: 15, member: container },
    InferenceExecutionConfig: { type: 'any' },
    ExecutionRoleArn: roleArn,
    Tags: { type: 'list', max: 50, member: { type: 'any' } },
    VpcConfig: { type: 'any' },
    EnableNetworkIsolation: { type: 'boolean' },
  },
};

/** DescribeModelInput and DeleteModelInput. */
export const ModelNameInput: StructureShape = {
  type: 'structure',
  members: { ModelName: { ...entityName, required: true } },
};

/** CreateEndpointConfigInput. */
export const CreateEndpointConfigInput: StructureShape = {
  type: 'structure',
  members: {
    EndpointConfigName: { ...entityName, required: true },
    ProductionVariants: {
      type: 'list',
      min: 1,
      max: 10,
      required: true,
      member: {
        type: 'structure',
        members: {
          VariantName: { ...variantName, required: true },
          ModelName: entityName,
          InitialInstanceCount: { type: 'integer', min: 1 },
          InstanceType: { type: 'string', pattern: 'ml\\.[a-z0-9]+(\\.[0-9]*[a-z]*)?' },
          InitialVariantWeight: { type: 'any' },
          ServerlessConfig: { type: 'any' },
        },
      },
    },
    DataCaptureConfig: {
      type: 'structure',
      members: {
        EnableCapture: { type: 'boolean' },
        InitialSamplingPercentage: { type: 'integer', min: 0, max: 100, required: true },
        DestinationS3Uri: { ...s3Uri, pattern: '^(https|s3)://([^/])/?(.*)$', required: true },
        KmsKeyId: { type: 'string', max: 2048, pattern: '.*' },
        CaptureOptions: {
          type: 'list',
          min: 1,
          max: 32,
          required: true,
          member: {
            type: 'structure',
            members: { CaptureMode: { type: 'string', enum: ['Input', 'Output', 'InputAndOutput'], required: true } },
          },
        },
        CaptureContentTypeHeader: {
          type: 'structure',
          members: {
            CsvContentTypes: { type: 'list', min: 1, max: 10, member: { type: 'string', min: 1, max: 256 } },
            JsonContentTypes: { type: 'list', min: 1, max: 10, member: { type: 'string', min: 1, max: 256 } },
          },
        },
      },
    },
    Tags: { type: 'list', max: 50, member: { type: 'any' } },
    KmsKeyId: { type: 'string', max: 2048, pattern: '.*' },
    AsyncInferenceConfig: { type: 'any' },
    ExecutionRoleArn: roleArn,
  },
};

/** DescribeEndpointConfigInput and DeleteEndpointConfigInput. */
export const EndpointConfigNameInput: StructureShape = {
  type: 'structure',
  members: { EndpointConfigName: { ...entityName, required: true } },
};

/** CreateEndpointInput. */
export const CreateEndpointInput: StructureShape = {
  type: 'structure',
  members: {
    EndpointName: { ...entityName, required: true },
    EndpointConfigName: { ...entityName, required: true },
    DeploymentConfig: DeploymentConfigShape,
    Tags: { type: 'list', max: 50, member: { type: 'any' } },
  },
};

/** UpdateEndpointInput. */
export const UpdateEndpointInput: StructureShape = {
  type: 'structure',
  members: {
    EndpointName: { ...entityName, required: true },
    EndpointConfigName: { ...entityName, required: true },
    RetainAllVariantProperties: { type: 'boolean' },
    ExcludeRetainedVariantProperties: { type: 'any' },
    DeploymentConfig: DeploymentConfigShape,
    RetainDeploymentConfig: { type: 'boolean' },
  },
};

/** DescribeEndpointInput and DeleteEndpointInput. */
export const EndpointNameInput: StructureShape = {
  type: 'structure',
  members: { EndpointName: { ...entityName, required: true } },
};
