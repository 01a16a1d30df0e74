import { checkDeclaredParameters } from '../../../src/domain/checkDeclaredParameters.js';
import { UndeclaredParameterError } from '../../../src/domain/errors.js';

const pipeline = {
  key: 'churn-retrain',
  pipelineName: 'ChurnRetrain',
  parameters: { s3Uri: 'InputDataUri', reason: 'TriggerReason' },
  staticParameters: { ModelApprovalStatus: 'PendingManualApproval' },
};

const catchError = (fn: () => unknown): UndeclaredParameterError => {
  try {
    fn();
  } catch (error) {
    return error as UndeclaredParameterError;
  }
  throw new Error('expected an error');
};

describe('checkDeclaredParameters', () => {
  it('passes parameters the pipeline declares, whatever else it declares', () => {
    // Prepare
    const declared = new Set(['InputDataUri', 'TriggerReason', 'ModelApprovalStatus', 'Epochs']);

    // Act
    const check = () =>
      checkDeclaredParameters(
        pipeline,
        [
          { Name: 'ModelApprovalStatus', Value: 'PendingManualApproval' },
          { Name: 'InputDataUri', Value: 's3://b/k' },
        ],
        declared,
      );

    // Assess
    expect(check).not.toThrow();
  });

  it('throws naming a mapped parameter, its field, the pipeline and what it declares', () => {
    // Prepare
    const declared = new Set(['ModelApprovalStatus', 'InputDataUri']);

    // Act
    const error = catchError(() =>
      checkDeclaredParameters(pipeline, [{ Name: 'TriggerReason', Value: 'nightly' }], declared),
    );

    // Assess
    expect(error).toBeInstanceOf(UndeclaredParameterError);
    expect(error.code).toBe('UndeclaredParameter');
    expect(error.parameters).toEqual(['TriggerReason']);
    expect(error.message).toBe(
      'pipeline "churn-retrain": SageMaker pipeline "ChurnRetrain" does not declare parameter "TriggerReason"' +
        ' (from pipelines.churn-retrain.parameters.reason); it declares: InputDataUri, ModelApprovalStatus',
    );
  });

  it('throws naming every undeclared parameter, static ones by their configuration path', () => {
    // Prepare
    const declared = new Set<string>();

    // Act
    const error = catchError(() =>
      checkDeclaredParameters(
        pipeline,
        [
          { Name: 'ModelApprovalStatus', Value: 'PendingManualApproval' },
          { Name: 'InputDataUri', Value: 's3://b/k' },
        ],
        declared,
      ),
    );

    // Assess
    expect(error.parameters).toEqual(['ModelApprovalStatus', 'InputDataUri']);
    expect(error.message).toContain(
      'parameters "ModelApprovalStatus" (from pipelines.churn-retrain.staticParameters.ModelApprovalStatus),' +
        ' "InputDataUri" (from pipelines.churn-retrain.parameters.s3Uri); it declares: (none)',
    );
  });
});
