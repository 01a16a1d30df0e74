import path from 'node:path';
import { loadFleetConfig } from '@fleet/shared';
import { fleetPipelineDefinitions } from '../../src/local/fleetPipelineDefinitions.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const config = loadFleetConfig({ file: path.join(repoRoot, 'fleet.config.yaml'), stage: 'local' });

describe('fleetPipelineDefinitions', () => {
  it("makes the churn pipeline register into its model's package group with the data bucket", () => {
    // Act
    const [churn] = fleetPipelineDefinitions(config, undefined, { stage: 'dev' });

    // Assess
    expect(churn.name).toBe('churn-retrain');
    expect(churn.register).toEqual({
      modelPackageGroup: 'churn',
      evaluationBucket: { export: 'fleet-dev-DataBucketName' },
    });
  });

  it('declares the static ModelApprovalStatus parameter the registration reads', () => {
    // Act
    const [churn] = fleetPipelineDefinitions(config);

    // Assess
    expect(churn.parameters).toContainEqual({ name: 'ModelApprovalStatus', defaultValue: 'PendingManualApproval' });
    expect(churn.register?.evaluationBucket).toEqual({ export: 'fleet-local-DataBucketName' });
  });

  it('passes the metrics a scenario chooses on to the registration', () => {
    // Prepare
    const metrics = [{ roc_auc: 0.9 }, { roc_auc: 0.6 }];

    // Act
    const [churn] = fleetPipelineDefinitions(config, undefined, { metrics });

    // Assess
    expect(churn.register?.metrics).toBe(metrics);
  });

  it('registers nothing for a pipeline whose model names no package group', () => {
    // Prepare
    const withoutGroup = {
      ...config,
      models: { churn: { ...config.models.churn, modelPackageGroup: undefined } },
    };

    // Act
    const [churn] = fleetPipelineDefinitions(withoutGroup);

    // Assess
    expect(churn.register).toBeUndefined();
  });
});
