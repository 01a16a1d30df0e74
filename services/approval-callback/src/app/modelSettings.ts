import type { ApprovalConfig, FleetConfig } from '@fleet/shared';
import { UnknownApprovalModelError } from '../domain/errors.js';

/** What the approval of one model reads from the fleet configuration. */
export type ModelApprovalSettings = {
  model: string;
  modelPackageGroup: string;
  approval: ApprovalConfig;
  /** Slack user ids allowed to decide. */
  approvers: readonly string[];
};

/** The settings of every model that has a package group and an approval section. */
export const approvalModels = (config: Pick<FleetConfig, 'models'>): ModelApprovalSettings[] =>
  Object.entries(config.models).flatMap(([model, m]) =>
    m.modelPackageGroup !== undefined && m.approval !== undefined
      ? [{ model, modelPackageGroup: m.modelPackageGroup, approval: m.approval, approvers: m.approvers }]
      : [],
  );

/** The model whose packages live in `group`, if one is approved by the fleet (group names match without case). */
export const modelForGroup = (config: Pick<FleetConfig, 'models'>, group: string): ModelApprovalSettings | undefined =>
  approvalModels(config).find((m) => m.modelPackageGroup.toLowerCase() === group.toLowerCase());

/**
 * The approval settings of a model by name.
 *
 * @throws UnknownApprovalModelError when the model has no package group or approval section
 */
export const settingsOf = (config: Pick<FleetConfig, 'models'>, model: string): ModelApprovalSettings => {
  const found = approvalModels(config).find((m) => m.model === model);
  if (found === undefined) throw new UnknownApprovalModelError(model);
  return found;
};
