import { eventTime } from '../eventbridge/LocalEvent.js';
import { AwsServiceError } from '../http/AwsServiceError.js';
import type { StructureShape } from '../http/checkShape.js';
import { paginate } from '../http/paginate.js';
import {
  type ModelApprovalStatus,
  type ModelPackageStateChangeDetail,
  type ModelPackageStateChangeEnvelope,
  modelPackageStateChangeEvent,
} from './modelPackageStateChangeEvent.js';
import {
  CreateModelPackageGroupInput,
  CreateModelPackageInput,
  DescribeModelPackageGroupInput,
  DescribeModelPackageInput,
  ListModelPackageGroupsInput,
  ListModelPackagesInput,
  UpdateModelPackageInput,
} from './modelRegistryShapes.js';

type Json = Record<string, unknown>;

/** A snapshot of one model package version, for tests and the demo to inspect. */
export type LocalModelPackage = {
  modelPackageGroupName: string;
  modelPackageVersion: number;
  modelPackageArn: string;
  modelApprovalStatus: ModelApprovalStatus;
  approvalDescription?: string;
  description?: string;
  /** `MetadataProperties.GeneratedBy`: the pipeline execution that registered it, if any. */
  generatedBy?: string;
  /** `ModelMetrics.ModelQuality.Statistics.S3Uri`, if given. */
  statisticsS3Uri?: string;
  customerMetadataProperties: Record<string, string>;
  creationTime: Date;
  lastModifiedTime: Date;
};

/** What the registry needs from the SageMaker stand-in around it. */
export type LocalModelRegistryOptions = {
  region: string;
  accountId: string;
  /** The clock's time in epoch milliseconds. */
  nowMs: () => number;
  /** Hands on a state-change event; the stand-in delivers it asynchronously, as AWS does. */
  publish: (event: ModelPackageStateChangeEnvelope) => void;
};

type GroupState = {
  name: string;
  arn: string;
  description?: string;
  createdMs: number;
  order: number;
  lastVersion: number;
};

type PackageState = {
  group: GroupState;
  version: number;
  arn: string;
  order: number;
  description?: string;
  status: ModelApprovalStatus;
  approvalDescription?: string;
  createdMs: number;
  modifiedMs: number;
  inferenceSpecification?: unknown;
  metadataProperties?: Record<string, string>;
  modelMetrics?: unknown;
  customerMetadata: Record<string, string>;
  domain?: string;
  task?: string;
  samplePayloadUrl?: string;
  driftCheckBaselines?: unknown;
  skipModelValidation?: string;
};

/** The input shapes of the Model Registry operations, by operation. */
export const MODEL_REGISTRY_SHAPES: Readonly<Record<string, StructureShape>> = {
  CreateModelPackageGroup: CreateModelPackageGroupInput,
  DescribeModelPackageGroup: DescribeModelPackageGroupInput,
  ListModelPackageGroups: ListModelPackageGroupsInput,
  CreateModelPackage: CreateModelPackageInput,
  DescribeModelPackage: DescribeModelPackageInput,
  ListModelPackages: ListModelPackagesInput,
  UpdateModelPackage: UpdateModelPackageInput,
};

/**
 * Approval transitions the registry accepts. A package leaves `PendingManualApproval` for a
 * decision and may move between `Approved` and `Rejected` afterwards; it never goes back to
 * pending, which SageMaker refuses with a ValidationException.
 */
const ALLOWED: Record<ModelApprovalStatus, readonly ModelApprovalStatus[]> = {
  PendingManualApproval: ['PendingManualApproval', 'Approved', 'Rejected'],
  Approved: ['Approved', 'Rejected'],
  Rejected: ['Rejected', 'Approved'],
};

const seconds = (ms: number): number => ms / 1000;
const validation = (message: string) => new AwsServiceError('ValidationException', message);

/**
 * The SageMaker Model Registry: model package groups and their versioned packages.
 *
 * Versions count from 1 per group; ARNs are `arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>`
 * (names lower-cased, as SageMaker writes ARNs). Every creation and every change of a package
 * (approval status, approval description, metadata) publishes a
 * `SageMaker Model Package State Change` event. Lists sort by `CreationTime` (ties by version)
 * or `Name`, `Ascending` unless told otherwise, as the API documents.
 */
export class LocalModelRegistry {
  readonly #options: LocalModelRegistryOptions;
  readonly #groups = new Map<string, GroupState>();
  readonly #packages = new Map<string, PackageState>();
  readonly #tokens = new Map<string, string>();
  #order = 0;

  constructor(options: LocalModelRegistryOptions) {
    this.#options = options;
  }

  /** The ARN of a model package group of this name. */
  groupArn(name: string): string {
    const { region, accountId } = this.#options;
    return `arn:aws:sagemaker:${region}:${accountId}:model-package-group/${name.toLowerCase()}`;
  }

  /** The ARN of one version of a group's packages. */
  packageArn(group: string, version: number): string {
    const { region, accountId } = this.#options;
    return `arn:aws:sagemaker:${region}:${accountId}:model-package/${group.toLowerCase()}/${version}`;
  }

  /** Whether a group of this name (or ARN) exists. */
  hasGroup(nameOrArn: string): boolean {
    return this.#findGroup(nameOrArn) !== undefined;
  }

  /** Snapshots of the packages, oldest first, optionally of one group. */
  packages(filter: { modelPackageGroupName?: string } = {}): LocalModelPackage[] {
    const group =
      filter.modelPackageGroupName === undefined ? undefined : this.#findGroup(filter.modelPackageGroupName);
    if (filter.modelPackageGroupName !== undefined && group === undefined) return [];
    return [...this.#packages.values()]
      .filter((p) => group === undefined || p.group === group)
      .sort((a, b) => a.order - b.order)
      .map((p) => this.#snapshot(p));
  }

  /** A snapshot of one package by ARN, or undefined. */
  package(modelPackageArn: string): LocalModelPackage | undefined {
    const state = this.#packages.get(modelPackageArn.toLowerCase());
    return state && this.#snapshot(state);
  }

  /**
   * Runs one Model Registry operation on a request already checked against its shape.
   *
   * @throws AwsServiceError `ValidationException` for unknown groups or packages, names taken,
   * and approval transitions SageMaker refuses
   */
  handle(operation: string, input: Json): Json {
    switch (operation) {
      case 'CreateModelPackageGroup':
        return this.#createGroup(input);
      case 'DescribeModelPackageGroup':
        return this.#describeGroup(this.#requireGroup(input.ModelPackageGroupName as string));
      case 'ListModelPackageGroups':
        return this.#listGroups(input);
      case 'CreateModelPackage':
        return this.#createPackage(input);
      case 'DescribeModelPackage':
        return this.#describePackage(this.#requirePackage(input.ModelPackageName as string));
      case 'ListModelPackages':
        return this.#listPackages(input);
      case 'UpdateModelPackage':
        return this.#updatePackage(input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    }
  }

  #findGroup(nameOrArn: string): GroupState | undefined {
    const match = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:model-package-group\/(.+)$/.exec(nameOrArn);
    return this.#groups.get((match ? match[1] : nameOrArn).toLowerCase());
  }

  #requireGroup(nameOrArn: string): GroupState {
    const group = this.#findGroup(nameOrArn);
    if (!group) throw validation(`ModelPackageGroup ${nameOrArn} does not exist.`);
    return group;
  }

  #requirePackage(nameOrArn: string): PackageState {
    let key = nameOrArn.toLowerCase();
    const short = /^([a-zA-Z0-9-]+)\/([0-9]+)$/.exec(nameOrArn);
    if (short) key = this.packageArn(short[1], Number(short[2]));
    const state = this.#packages.get(key);
    if (!state) {
      throw validation(
        nameOrArn.startsWith('arn:')
          ? `ModelPackage ${nameOrArn} does not exist.`
          : `ModelPackage ${nameOrArn} does not exist or is not a versioned model package; use its ARN.`,
      );
    }
    return state;
  }

  #createGroup(input: Json): Json {
    const name = input.ModelPackageGroupName as string;
    if (this.#findGroup(name)) throw validation(`Model Package Group already exists: ${this.groupArn(name)}`);
    const group: GroupState = {
      name,
      arn: this.groupArn(name),
      description: input.ModelPackageGroupDescription as string | undefined,
      createdMs: this.#options.nowMs(),
      order: ++this.#order,
      lastVersion: 0,
    };
    this.#groups.set(name.toLowerCase(), group);
    return { ModelPackageGroupArn: group.arn };
  }

  #describeGroup(group: GroupState): Json {
    return {
      ModelPackageGroupName: group.name,
      ModelPackageGroupArn: group.arn,
      ModelPackageGroupDescription: group.description,
      CreationTime: seconds(group.createdMs),
      CreatedBy: {},
      ModelPackageGroupStatus: 'Completed',
    };
  }

  #listGroups(input: Json): Json {
    const contains = (input.NameContains as string | undefined)?.toLowerCase();
    const after = input.CreationTimeAfter as number | undefined;
    const before = input.CreationTimeBefore as number | undefined;
    const byName = input.SortBy === 'Name';
    const direction = input.SortOrder === 'Descending' ? -1 : 1;
    const matching = [...this.#groups.values()]
      .filter(
        (g) =>
          (contains === undefined || g.name.toLowerCase().includes(contains)) &&
          (after === undefined || g.createdMs > after * 1000) &&
          (before === undefined || g.createdMs < before * 1000),
      )
      .sort((a, b) =>
        byName
          ? direction * a.name.localeCompare(b.name)
          : direction * (a.createdMs - b.createdMs || a.order - b.order),
      );
    const page = paginate(matching, input, 10, 'Invalid pagination token');
    return {
      ModelPackageGroupSummaryList: page.items.map((g) => ({
        ModelPackageGroupName: g.name,
        ModelPackageGroupArn: g.arn,
        ModelPackageGroupDescription: g.description,
        CreationTime: seconds(g.createdMs),
        ModelPackageGroupStatus: 'Completed',
      })),
      NextToken: page.nextToken,
    };
  }

  #createPackage(input: Json): Json {
    if (input.ModelPackageName !== undefined) {
      throw validation(
        input.ModelPackageGroupName === undefined
          ? 'Unversioned model packages are not supported by the local Model Registry; give a ModelPackageGroupName.'
          : 'ModelPackageName and ModelPackageGroupName cannot both be specified.',
      );
    }
    if (input.ModelPackageGroupName === undefined) {
      throw validation('Either ModelPackageName or ModelPackageGroupName must be specified.');
    }
    const group = this.#requireGroup(input.ModelPackageGroupName as string);
    const token = input.ClientToken as string | undefined;
    const tokenKey = token === undefined ? undefined : `${group.arn}|${token}`;
    const known = tokenKey === undefined ? undefined : this.#tokens.get(tokenKey);
    if (known !== undefined) return { ModelPackageArn: known };
    const now = this.#options.nowMs();
    group.lastVersion += 1;
    const state: PackageState = {
      group,
      version: group.lastVersion,
      arn: this.packageArn(group.name, group.lastVersion),
      order: ++this.#order,
      description: input.ModelPackageDescription as string | undefined,
      status: (input.ModelApprovalStatus as ModelApprovalStatus | undefined) ?? 'PendingManualApproval',
      createdMs: now,
      modifiedMs: now,
      inferenceSpecification: input.InferenceSpecification,
      metadataProperties: input.MetadataProperties as Record<string, string> | undefined,
      modelMetrics: input.ModelMetrics,
      customerMetadata: { ...((input.CustomerMetadataProperties as Record<string, string> | undefined) ?? {}) },
      domain: input.Domain as string | undefined,
      task: input.Task as string | undefined,
      samplePayloadUrl: input.SamplePayloadUrl as string | undefined,
      driftCheckBaselines: input.DriftCheckBaselines,
      skipModelValidation: input.SkipModelValidation as string | undefined,
    };
    this.#packages.set(state.arn, state);
    if (tokenKey !== undefined) this.#tokens.set(tokenKey, state.arn);
    this.#publish(state);
    return { ModelPackageArn: state.arn };
  }

  #updatePackage(input: Json): Json {
    const state = this.#requirePackage(input.ModelPackageArn as string);
    const next = input.ModelApprovalStatus as ModelApprovalStatus | undefined;
    if (next !== undefined && !ALLOWED[state.status].includes(next)) {
      throw validation(`Cannot update ModelApprovalStatus of ${state.arn} from ${state.status} to ${next}.`);
    }
    const toRemove = (input.CustomerMetadataPropertiesToRemove as string[] | undefined) ?? [];
    const toSet = (input.CustomerMetadataProperties as Record<string, string> | undefined) ?? {};
    const overlap = toRemove.filter((key) => key in toSet);
    if (overlap.length > 0) {
      throw validation(
        `CustomerMetadataProperties and CustomerMetadataPropertiesToRemove both name [${overlap.join(', ')}].`,
      );
    }
    if (next !== undefined) state.status = next;
    if (input.ApprovalDescription !== undefined) state.approvalDescription = input.ApprovalDescription as string;
    for (const key of toRemove) delete state.customerMetadata[key];
    Object.assign(state.customerMetadata, toSet);
    state.modifiedMs = this.#options.nowMs();
    this.#publish(state);
    return { ModelPackageArn: state.arn };
  }

  #listPackages(input: Json): Json {
    const groupName = input.ModelPackageGroupName as string | undefined;
    const group = groupName === undefined ? undefined : this.#findGroup(groupName);
    if (groupName !== undefined && group === undefined) return { ModelPackageSummaryList: [] };
    if (input.ModelPackageType === 'Unversioned') return { ModelPackageSummaryList: [] };
    const contains = (input.NameContains as string | undefined)?.toLowerCase();
    const status = input.ModelApprovalStatus as string | undefined;
    const after = input.CreationTimeAfter as number | undefined;
    const before = input.CreationTimeBefore as number | undefined;
    const byName = input.SortBy === 'Name';
    const direction = input.SortOrder === 'Descending' ? -1 : 1;
    const matching = [...this.#packages.values()]
      .filter(
        (p) =>
          (group === undefined || p.group === group) &&
          (status === undefined || p.status === status) &&
          (contains === undefined || p.group.name.toLowerCase().includes(contains)) &&
          (after === undefined || p.createdMs > after * 1000) &&
          (before === undefined || p.createdMs < before * 1000),
      )
      .sort(
        (a, b) =>
          direction *
          (byName
            ? a.group.name.localeCompare(b.group.name) || a.version - b.version
            : a.createdMs - b.createdMs || a.order - b.order),
      );
    const page = paginate(matching, input, 10, 'Invalid pagination token');
    return {
      ModelPackageSummaryList: page.items.map((p) => ({
        ModelPackageName: p.group.name,
        ModelPackageGroupName: p.group.name,
        ModelPackageVersion: p.version,
        ModelPackageArn: p.arn,
        ModelPackageDescription: p.description,
        CreationTime: seconds(p.createdMs),
        ModelPackageStatus: 'Completed',
        ModelApprovalStatus: p.status,
      })),
      NextToken: page.nextToken,
    };
  }

  #describePackage(p: PackageState): Json {
    return {
      ModelPackageName: p.group.name,
      ModelPackageGroupName: p.group.name,
      ModelPackageVersion: p.version,
      ModelPackageArn: p.arn,
      ModelPackageDescription: p.description,
      CreationTime: seconds(p.createdMs),
      InferenceSpecification: p.inferenceSpecification,
      ModelPackageStatus: 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      CertifyForMarketplace: false,
      ModelApprovalStatus: p.status,
      CreatedBy: {},
      MetadataProperties: p.metadataProperties,
      ModelMetrics: p.modelMetrics,
      LastModifiedTime: seconds(p.modifiedMs),
      LastModifiedBy: {},
      ApprovalDescription: p.approvalDescription,
      CustomerMetadataProperties: Object.keys(p.customerMetadata).length > 0 ? { ...p.customerMetadata } : undefined,
      DriftCheckBaselines: p.driftCheckBaselines,
      Domain: p.domain,
      Task: p.task,
      SamplePayloadUrl: p.samplePayloadUrl,
      SkipModelValidation: p.skipModelValidation,
    };
  }

  #publish(p: PackageState): void {
    const detail: ModelPackageStateChangeDetail = {
      ModelPackageGroupName: p.group.name,
      ModelPackageVersion: p.version,
      ModelPackageArn: p.arn,
      ModelPackageName: p.group.name,
      ...(p.description === undefined ? {} : { ModelPackageDescription: p.description }),
      CreationTime: eventTime(p.createdMs),
      ...(p.inferenceSpecification === undefined ? {} : { InferenceSpecification: p.inferenceSpecification }),
      ModelPackageStatus: 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      CertifyForMarketplace: false,
      ModelApprovalStatus: p.status,
      ...(p.approvalDescription === undefined ? {} : { ApprovalDescription: p.approvalDescription }),
      ...(p.metadataProperties === undefined ? {} : { MetadataProperties: { ...p.metadataProperties } }),
      ...(p.modelMetrics === undefined ? {} : { ModelMetrics: structuredClone(p.modelMetrics) }),
      ...(Object.keys(p.customerMetadata).length === 0
        ? {}
        : { CustomerMetadataProperties: { ...p.customerMetadata } }),
      LastModifiedTime: eventTime(p.modifiedMs),
    };
    const { region, accountId } = this.#options;
    this.#options.publish(modelPackageStateChangeEvent({ region, accountId, timeMs: p.modifiedMs, detail }));
  }

  #snapshot(p: PackageState): LocalModelPackage {
    const metrics = p.modelMetrics as { ModelQuality?: { Statistics?: { S3Uri?: string } } } | undefined;
    return {
      modelPackageGroupName: p.group.name,
      modelPackageVersion: p.version,
      modelPackageArn: p.arn,
      modelApprovalStatus: p.status,
      approvalDescription: p.approvalDescription,
      description: p.description,
      generatedBy: p.metadataProperties?.GeneratedBy,
      statisticsS3Uri: metrics?.ModelQuality?.Statistics?.S3Uri,
      customerMetadataProperties: { ...p.customerMetadata },
      creationTime: new Date(p.createdMs),
      lastModifiedTime: new Date(p.modifiedMs),
    };
  }
}
