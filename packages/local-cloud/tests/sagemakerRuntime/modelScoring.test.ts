import {
  captureEncoding,
  captureFileLocation,
  defaultScoring,
  scoreCsv,
  scoringFor,
} from '../../src/sagemakerRuntime/index.js';

const model = { endpointName: 'churn', variantName: 'AllTraffic', modelName: 'churn-v3', modelPackageVersion: 3 };

describe('scoringFor', () => {
  it('takes the scoring of the package version, then the fallback, then the default', () => {
    // Prepare
    const v3 = { intercept: 0, coefficients: [1] };
    const otherwise = { intercept: 2, coefficients: [] };

    // Act
    const byVersion = scoringFor({ byVersion: { 3: v3 }, otherwise }, model);
    const fallback = scoringFor({ byVersion: { 1: v3 }, otherwise }, model);
    const unnamed = scoringFor({ byVersion: { 1: v3 } }, model);

    // Assess
    expect(byVersion).toBe(v3);
    expect(fallback).toBe(otherwise);
    expect(scoreCsv(unnamed, '1,2')).toBe(scoreCsv(defaultScoring(model), '1,2'));
  });

  it('asks a function plan, and falls back to the default when it answers nothing', () => {
    // Act
    const chosen = scoringFor((m) => (m.modelPackageVersion === 3 ? () => 0.25 : undefined), model);
    const none = scoringFor(() => undefined, { ...model, modelPackageVersion: 1 });

    // Assess
    expect(scoreCsv(chosen, '9,9\n1,1')).toBe('0.25\n0.25');
    expect(scoreCsv(none, '0')).toBe(String(Math.round((1 / (1 + Math.exp(1))) * 1e6) / 1e6));
  });

  it('gives two versions different default answers', () => {
    // Act
    const v1 = scoreCsv(defaultScoring({ ...model, modelPackageVersion: 1 }), '1,2,3');
    const v2 = scoreCsv(defaultScoring({ ...model, modelPackageVersion: 2 }), '1,2,3');

    // Assess
    expect(v1).not.toBe(v2);
  });
});

describe('scoreCsv', () => {
  const sigmoid = (z: number) => String(Math.round((1 / (1 + Math.exp(-z))) * 1e6) / 1e6);
  /** customer_id, tenure_months, contract, senior_citizen: the churn layout in small. */
  const churnLike = {
    intercept: -1,
    coefficients: [0, -0.05, 0, 0.3],
    categories: { 2: { 'One year': -1, 'Two year': -2 } },
    ignored: [0],
  };

  it('scores a row with an identifier and categorical columns: the id unread, each category one-hot', () => {
    // Act
    const scores = scoreCsv(churnLike, 'CUST-1,10,Two year,1\nCUST-2,10,Month-to-month,0');

    // Assess
    expect(scores).toBe(`${sigmoid(-1 - 0.5 - 2 + 0.3)}\n${sigmoid(-1 - 0.5)}`);
  });

  it('reads an empty numeric cell as missing, weighing nothing', () => {
    // Act
    const score = scoreCsv(churnLike, 'CUST-1,,One year,1');

    // Assess
    expect(score).toBe(sigmoid(-1 - 1 + 0.3));
  });

  it('still refuses text in a column the model reads as a number', () => {
    // Act
    const outcome = () => scoreCsv(churnLike, 'CUST-1,ten,One year,1');

    // Assess
    expect(outcome).toThrow("could not convert string to float: 'ten' (line 1)");
  });
});

describe('captureFileLocation', () => {
  it('lays a file out as <prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/<mm-ss-SSS-id>.jsonl', () => {
    // Act
    const location = captureFileLocation(
      's3://fleet-local-data/capture/',
      'churn',
      'AllTraffic',
      Date.parse('2025-06-02T07:04:05.006Z'),
      'abc',
    );

    // Assess
    expect(location).toEqual({
      bucket: 'fleet-local-data',
      key: 'capture/churn/AllTraffic/2025/06/02/07/04-05-006-abc.jsonl',
    });
  });
});

describe('captureEncoding', () => {
  it('writes CSV and JSON types as text, anything else as base64, ignoring parameters', () => {
    // Assess
    expect(captureEncoding('text/csv; charset=utf-8')).toBe('CSV');
    expect(captureEncoding('application/json')).toBe('JSON');
    expect(captureEncoding('application/x-npy')).toBe('BASE64');
    expect(captureEncoding('text/plain', { csv: ['text/plain'] })).toBe('CSV');
  });
});
