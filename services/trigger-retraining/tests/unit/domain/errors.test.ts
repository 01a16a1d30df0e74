import {
  ParameterMappingError,
  PipelineStartError,
  TriggerRetrainingError,
  UndeclaredParameterError,
  UnknownPipelineError,
} from '../../../src/domain/errors.js';

describe('errors', () => {
  it('derive from one base, keep their own name and carry their cause', () => {
    // Prepare
    const cause = new Error('root');

    // Act
    const errors = [
      new ParameterMappingError('p', 'f', 'bad', { cause }),
      new UnknownPipelineError('p', ['q'], { cause }),
      new PipelineStartError('p', 'ThrottlingException', 'slow down', { cause }),
      new UndeclaredParameterError('p', 'P', ['X'], 'undeclared', { cause }),
    ];

    // Assess
    expect(errors.every((error) => error instanceof TriggerRetrainingError)).toBe(true);
    expect(errors.map((error) => error.name)).toEqual([
      'ParameterMappingError',
      'UnknownPipelineError',
      'PipelineStartError',
      'UndeclaredParameterError',
    ]);
    expect(errors.every((error) => error.cause === cause)).toBe(true);
  });
});
