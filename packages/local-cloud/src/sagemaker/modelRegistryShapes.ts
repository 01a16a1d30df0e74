import type { StringShape, StructureShape } from '../http/checkShape.js';

// Constraints copied from the SageMaker API reference (sagemaker-2017-07-24) for each member.
const entityName: StringShape = { type: 'string', min: 1, max: 63, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}' };
const groupNameOrArn: StringShape = {
  type: 'string',
  min: 1,
  max: 170,
  pattern:
    '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)',
};
const packageNameOrArn: StringShape = {
  type: 'string',
  min: 1,
  max: 176,
  pattern:
    '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,9})?',
};
const packageArn: StringShape = {
  type: 'string',
  min: 1,
  max: 2048,
  pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package/[\\S]{1,2048}',
};
const description: StringShape = { type: 'string', min: 0, max: 1024 };
const approvalStatus: StringShape = { type: 'string', enum: ['Approved', 'Rejected', 'PendingManualApproval'] };
const sortOrder: StringShape = { type: 'string', enum: ['Ascending', 'Descending'] };
const nextToken: StringShape = { type: 'string', max: 8192, pattern: '.*' };
const s3Uri: StringShape = { type: 'string', max: 1024, pattern: '(https|s3)://([^/]+)/?(.*)' };
const metricsSource: StructureShape = {
  type: 'structure',
  members: {
    ContentType: { type: 'string', max: 256, pattern: '.*', required: true },
    ContentDigest: { type: 'string', max: 72, pattern: '[Ss][Hh][Aa]256:[0-9a-fA-F]{64}' },
    S3Uri: { ...s3Uri, required: true },
  },
};
const metadataMap = { type: 'any' } as const;

/** CreateModelPackageGroupInput. */
export const CreateModelPackageGroupInput: StructureShape = {
  type: 'structure',
  members: {
    ModelPackageGroupName: { ...entityName, required: true },
    ModelPackageGroupDescription: description,
    Tags: { type: 'list', min: 0, max: 50, member: { type: 'any' } },
  },
};

/** DescribeModelPackageGroupInput. */
export const DescribeModelPackageGroupInput: StructureShape = {
  type: 'structure',
  members: { ModelPackageGroupName: { ...groupNameOrArn, required: true } },
};

/** ListModelPackageGroupsInput. */
export const ListModelPackageGroupsInput: StructureShape = {
  type: 'structure',
  members: {
    CreationTimeAfter: { type: 'timestamp' },
    CreationTimeBefore: { type: 'timestamp' },
    MaxResults: { type: 'integer', min: 1, max: 100 },
    NameContains: { type: 'string', min: 0, max: 63, pattern: '[a-zA-Z0-9\\-]+' },
    NextToken: nextToken,
    SortBy: { type: 'string', enum: ['Name', 'CreationTime'] },
    SortOrder: sortOrder,
    CrossAccountFilterOption: { type: 'string', enum: ['SameAccount', 'CrossAccount'] },
  },
};

/** CreateModelPackageInput (the members the Model Registry uses; the others are accepted unchecked). */
export const CreateModelPackageInput: StructureShape = {
  type: 'structure',
  members: {
    ModelPackageName: entityName,
    ModelPackageGroupName: groupNameOrArn,
    ModelPackageDescription: description,
    InferenceSpecification: { type: 'any' },
    ModelApprovalStatus: approvalStatus,
    MetadataProperties: {
      type: 'structure',
      members: {
        CommitId: { type: 'string', max: 1024, pattern: '.*' },
        Repository: { type: 'string', max: 1024, pattern: '.*' },
        GeneratedBy: { type: 'string', max: 1024, pattern: '.*' },
        ProjectId: { type: 'string', max: 1024, pattern: '.*' },
      },
    },
    ModelMetrics: {
      type: 'structure',
      members: {
        ModelQuality: {
          type: 'structure',
          members: { Statistics: metricsSource, Constraints: metricsSource },
        },
        ModelDataQuality: { type: 'any' },
        Bias: { type: 'any' },
        Explainability: { type: 'any' },
      },
    },
    ClientToken: { type: 'string', min: 1, max: 36, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9])*' },
    CustomerMetadataProperties: metadataMap,
    Domain: { type: 'string', pattern: '.*' },
    Task: { type: 'string', pattern: '.*' },
    SamplePayloadUrl: { type: 'string', max: 1024, pattern: '^(https|s3)://([^/]+)/?(.*)$' },
    DriftCheckBaselines: { type: 'any' },
    CertifyForMarketplace: { type: 'boolean' },
    SkipModelValidation: { type: 'string', enum: ['All', 'None'] },
    Tags: { type: 'list', min: 0, max: 50, member: { type: 'any' } },
  },
};

/** DescribeModelPackageInput. */
export const DescribeModelPackageInput: StructureShape = {
  type: 'structure',
  members: { ModelPackageName: { ...packageNameOrArn, required: true } },
};

/** ListModelPackagesInput. */
export const ListModelPackagesInput: StructureShape = {
  type: 'structure',
  members: {
    CreationTimeAfter: { type: 'timestamp' },
    CreationTimeBefore: { type: 'timestamp' },
    MaxResults: { type: 'integer', min: 1, max: 100 },
    NameContains: { type: 'string', min: 0, max: 63, pattern: '[a-zA-Z0-9\\-]+' },
    ModelApprovalStatus: approvalStatus,
    ModelPackageGroupName: groupNameOrArn,
    ModelPackageType: { type: 'string', enum: ['Versioned', 'Unversioned', 'Both'] },
    NextToken: nextToken,
    SortBy: { type: 'string', enum: ['Name', 'CreationTime'] },
    SortOrder: sortOrder,
  },
};

/** UpdateModelPackageInput (the approval and metadata members). */
export const UpdateModelPackageInput: StructureShape = {
  type: 'structure',
  members: {
    ModelPackageArn: { ...packageArn, required: true },
    ModelApprovalStatus: approvalStatus,
    ApprovalDescription: description,
    CustomerMetadataProperties: metadataMap,
    CustomerMetadataPropertiesToRemove: { type: 'list', max: 50, member: { type: 'string', min: 1, max: 128 } },
  },
};
