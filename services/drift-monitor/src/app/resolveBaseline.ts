import type { FleetRecord } from '@fleet/shared';
import type { MonitorSettings } from '../domain/MonitorSettings.js';
import type { DriftPorts, ModelPackage, ObjectRef } from './ports.js';
import { driftRecordKeys } from './recordKeys.js';

/** How far back the serving deployment is looked for in the model's history. */
const DEPLOYMENT_LOOKBACK_DAYS = 400;

/** The package serving the model: the newest deployment record with `decision: deployed`. */
export type ServingPackage = { deploymentKey: string; modelPackageArn: string; package?: ModelPackage };

/** The data a window is compared with, and how it was found. */
export type Baseline = {
  kind: 'training' | 'explicit';
  objects: ObjectRef[];
  /** `s3://` URIs of the objects, for records and reports. */
  source: string;
  lineage?: {
    deploymentKey: string;
    modelPackageArn: string;
    executionArn: string;
    decisionKey: string;
    /** Covered objects the decision record counted but did not list. */
    objectsOmitted?: number;
  };
};

/** The baseline, or the first link of the lineage that could not be followed. */
export type BaselineOutcome =
  | { resolved: Baseline }
  | { unresolved: { missingLink: string; detail: string; lineage: Record<string, string> } };

const uriOf = (o: ObjectRef): string => `s3://${o.bucket}/${o.key}`;

/**
 * Finds the package serving a model: the newest deployment record that deployed one, and what
 * SageMaker says about that package (its training execution, its evaluation report).
 */
export const servingPackage = async (
  model: string,
  ports: Pick<DriftPorts, 'store' | 'registry' | 'clock'>,
): Promise<ServingPackage | undefined> => {
  const since = new Date(ports.clock.now().getTime() - DEPLOYMENT_LOOKBACK_DAYS * 86_400_000).toISOString();
  const history = await ports.store.modelHistory(model, since);
  const deployed = history.find(
    (r: FleetRecord) => r.kind === 'deployment' && r.decision === 'deployed' && typeof r.modelPackageArn === 'string',
  );
  if (deployed === undefined) return undefined;
  const modelPackageArn = deployed.modelPackageArn as string;
  const found = await ports.registry.describe(modelPackageArn);
  return {
    deploymentKey: `${deployed.pk}|${deployed.sk}`,
    modelPackageArn,
    ...(found === undefined ? {} : { package: found }),
  };
};

type CoveredObject = { bucket?: unknown; key?: unknown; versionId?: unknown; etag?: unknown };

const objectsOf = (input: unknown): ObjectRef[] | undefined => {
  const objects = (input as { objects?: CoveredObject[] } | undefined)?.objects;
  if (!Array.isArray(objects) || objects.length === 0) return undefined;
  return objects
    .filter((o) => typeof o.bucket === 'string' && typeof o.key === 'string')
    .map((o) => ({
      bucket: o.bucket as string,
      key: o.key as string,
      ...(typeof o.versionId === 'string' ? { versionId: o.versionId } : {}),
      ...(typeof o.etag === 'string' ? { etag: o.etag } : {}),
    }));
};

/** A single-object input URI (not a prefix) among the run's parameters, if any. */
const singleObjectInput = (input: unknown): ObjectRef | undefined => {
  const parameters = (input as { effectiveParameters?: Record<string, string> } | undefined)?.effectiveParameters ?? {};
  for (const value of Object.values(parameters)) {
    const match = /^s3:\/\/([^/]+)\/(.+[^/])$/.exec(value);
    if (match !== null && /\.csv$/i.test(match[2])) return { bucket: match[1], key: match[2] };
  }
  return undefined;
};

/**
 * Resolves a model's baseline: an explicit `s3://` CSV as configured, or the data the serving
 * model was trained on, by lineage.
 *
 * The lineage runs from the newest `deployed` deployment record to its model package, the
 * package's `MetadataProperties.GeneratedBy` (the pipeline execution), trigger-retraining's
 * execution pointer, and the trigger decision record of that execution, whose input lists the
 * validated objects the run covered, each at its version. A prefix is never listed: a file
 * rejected by its contract may sit under the same prefix, and only the objects validated before
 * the start were trained on. A run given a single CSV object is the exception: that object is
 * its input. The first link that cannot be followed is returned as `unresolved`.
 */
export const resolveBaseline = async (
  settings: Pick<MonitorSettings, 'model' | 'baseline'>,
  serving: ServingPackage | undefined,
  ports: Pick<DriftPorts, 'store'>,
): Promise<BaselineOutcome> => {
  if (settings.baseline.kind === 'explicit') {
    const object = { bucket: settings.baseline.bucket, key: settings.baseline.key };
    return { resolved: { kind: 'explicit', objects: [object], source: uriOf(object) } };
  }
  const lineage: Record<string, string> = {};
  const missing = (missingLink: string, detail: string): BaselineOutcome => ({
    unresolved: { missingLink, detail, lineage },
  });
  if (serving === undefined) {
    return missing('deployment record', `no deployment record of model ${settings.model} with decision "deployed"`);
  }
  lineage.deploymentKey = serving.deploymentKey;
  lineage.modelPackageArn = serving.modelPackageArn;
  if (serving.package === undefined) {
    return missing('model package', `SageMaker does not know the serving package ${serving.modelPackageArn}`);
  }
  const executionArn = serving.package.generatedBy;
  if (executionArn === undefined || executionArn === '') {
    return missing(
      'MetadataProperties.GeneratedBy',
      `the package ${serving.modelPackageArn} names no pipeline execution`,
    );
  }
  lineage.executionArn = executionArn;
  const pointerKey = driftRecordKeys.pointer(executionArn);
  const pointer = await ports.store.get(pointerKey.pk, pointerKey.sk);
  if (pointer === undefined) {
    return missing('execution pointer', `no ${pointerKey.pk}: the execution was not started by the fleet`);
  }
  const decisionKey = driftRecordKeys.decision(
    String(pointer.pipeline),
    String(pointer.decisionAt),
    String(pointer.decisionId),
  );
  lineage.decisionKey = `${decisionKey.pk}|${decisionKey.sk}`;
  const decision = await ports.store.get(decisionKey.pk, decisionKey.sk);
  if (decision === undefined) return missing('trigger decision', `no decision record ${lineage.decisionKey}`);
  const objects =
    objectsOf(decision.input) ??
    (() => {
      const single = singleObjectInput(decision.input);
      return single === undefined ? undefined : [single];
    })();
  if (objects === undefined || objects.length === 0) {
    return missing(
      'validated input objects',
      `the decision ${lineage.decisionKey} lists no validated objects (the run was given a prefix or no input)`,
    );
  }
  const omitted = (decision.input as { objectsOmitted?: number }).objectsOmitted;
  return {
    resolved: {
      kind: 'training',
      objects,
      source: objects.map(uriOf).join(', '),
      lineage: {
        deploymentKey: serving.deploymentKey,
        modelPackageArn: serving.modelPackageArn,
        executionArn,
        decisionKey: lineage.decisionKey,
        ...(omitted ? { objectsOmitted: omitted } : {}),
      },
    },
  };
};
