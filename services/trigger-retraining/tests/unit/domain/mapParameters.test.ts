import { ParameterMappingError } from '../../../src/domain/errors.js';
import { mapParameters } from '../../../src/domain/mapParameters.js';

const pipeline = {
  key: 'churn-retrain',
  parameters: { s3Uri: 'InputDataUri', trainingWindowDays: 'TrainingWindowDays', reason: 'TriggerReason' },
  staticParameters: { ModelApprovalStatus: 'PendingManualApproval' },
};

const catchError = (fn: () => unknown): ParameterMappingError => {
  try {
    fn();
  } catch (error) {
    return error as ParameterMappingError;
  }
  throw new Error('expected an error');
};

describe('mapParameters', () => {
  it('maps allow-listed fields to pipeline parameters after the static ones', () => {
    // Act
    const parameters = mapParameters(pipeline, {
      requested: { trainingWindowDays: 30 },
      offered: { s3Uri: 's3://b/raw/a.csv', reason: 'new data' },
    });

    // Assess
    expect(parameters).toEqual([
      { Name: 'ModelApprovalStatus', Value: 'PendingManualApproval' },
      { Name: 'InputDataUri', Value: 's3://b/raw/a.csv' },
      { Name: 'TriggerReason', Value: 'new data' },
      { Name: 'TrainingWindowDays', Value: '30' },
    ]);
  });

  it('leaves out offered fields the allow-list does not name', () => {
    // Act
    const parameters = mapParameters(pipeline, { offered: { contractHash: 'abc', s3Uri: 's3://b/k' } });

    // Assess
    expect(parameters.map((p) => p.Name)).toEqual(['ModelApprovalStatus', 'InputDataUri']);
  });

  it('lets a mapped field override a static parameter', () => {
    // Prepare
    const overlapping = { ...pipeline, parameters: { approval: 'ModelApprovalStatus' } };

    // Act
    const parameters = mapParameters(overlapping, { requested: { approval: 'Approved' } });

    // Assess
    expect(parameters).toEqual([{ Name: 'ModelApprovalStatus', Value: 'Approved' }]);
  });

  it('rejects a requested field the allow-list does not name, naming it', () => {
    // Act
    const error = catchError(() => mapParameters(pipeline, { requested: { learningRate: 0.1 } }));

    // Assess
    expect(error).toBeInstanceOf(ParameterMappingError);
    expect(error.field).toBe('learningRate');
    expect(error.message).toBe(
      'pipeline "churn-retrain": unknown parameter field "learningRate"; allowed: s3Uri, trainingWindowDays, reason',
    );
  });

  it('rejects a value that is not a string, number or boolean', () => {
    // Act
    const error = catchError(() => mapParameters(pipeline, { requested: { trainingWindowDays: { days: 30 } } }));

    // Assess
    expect(error.field).toBe('trainingWindowDays');
    expect(error.message).toContain('expected a string, a finite number or a boolean, got object');
  });

  it('rejects a parameter name outside [A-Za-z0-9-_]', () => {
    // Prepare
    const badName = { ...pipeline, parameters: { s3Uri: 'Input Data Uri' } };

    // Act
    const error = catchError(() => mapParameters(badName, { requested: { s3Uri: 's3://b/k' } }));

    // Assess
    expect(error.field).toBe('Input Data Uri');
    expect(error.message).toContain('must match [A-Za-z0-9\\-_]{1,256}');
  });

  it('rejects a parameter name longer than 256 characters and accepts 256', () => {
    // Prepare
    const at = (n: number) => ({ ...pipeline, staticParameters: {}, parameters: { f: 'N'.repeat(n) } });

    // Act
    const accepted = mapParameters(at(256), { requested: { f: 'v' } });
    const error = catchError(() => mapParameters(at(257), { requested: { f: 'v' } }));

    // Assess
    expect(accepted).toHaveLength(1);
    expect(error).toBeInstanceOf(ParameterMappingError);
  });

  it('rejects a value longer than 1024 characters and accepts 1024', () => {
    // Act
    const accepted = mapParameters(pipeline, { requested: { s3Uri: 'v'.repeat(1024) } });
    const error = catchError(() => mapParameters(pipeline, { requested: { s3Uri: 'v'.repeat(1025) } }));

    // Assess
    expect(accepted[1].Value).toHaveLength(1024);
    expect(error.field).toBe('InputDataUri');
    expect(error.message).toContain('has 1025 characters, at most 1024 are allowed');
  });

  it('rejects more than 200 parameters and accepts 200', () => {
    // Prepare
    const many = (n: number) => ({
      key: 'p',
      parameters: {},
      staticParameters: Object.fromEntries(Array.from({ length: n }, (_, i) => [`P${i}`, 'v'])),
    });

    // Act
    const accepted = mapParameters(many(200), {});
    const error = catchError(() => mapParameters(many(201), {}));

    // Assess
    expect(accepted).toHaveLength(200);
    expect(error.message).toBe('pipeline "p": 201 parameters, at most 200 are allowed');
  });
});
