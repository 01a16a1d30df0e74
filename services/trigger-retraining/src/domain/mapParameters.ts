import { ParameterMappingError } from './errors.js';
import type { PipelineSettings } from './PipelineSettings.js';

/** One SageMaker pipeline parameter, as StartPipelineExecution takes it. */
export type PipelineParameter = { Name: string; Value: string };

/** SageMaker's limits on pipeline parameters (StartPipelineExecution, `Parameter`). */
export const parameterLimits = {
  namePattern: /^[A-Za-z0-9\-_]{1,256}$/,
  maxValueLength: 1024,
  maxParameters: 200,
} as const;

type FieldValue = unknown;

const asParameterValue = (pipeline: string, field: string, value: FieldValue): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  throw new ParameterMappingError(
    pipeline,
    field,
    `field "${field}": expected a string, a finite number or a boolean, got ${value === null ? 'null' : typeof value}`,
  );
};

/**
 * Maps a trigger's fields to the pipeline's parameters through the configured allow-list.
 *
 * `requested` are parameters a caller asked for by field name (a schedule's input, a manual
 * call): a field the allow-list does not name is rejected, naming it. `offered` are fields
 * the event carries anyway: those the allow-list names are mapped and the rest left out, so a
 * pipeline takes only what it declares. Static parameters come first and mapped fields
 * override them. Every name and value is checked against SageMaker's limits here, before any
 * call, so a bad trigger fails with the field at fault rather than a ValidationException.
 *
 * @throws ParameterMappingError naming the unknown field or the parameter over a limit
 */
export const mapParameters = (
  settings: Pick<PipelineSettings, 'key' | 'parameters' | 'staticParameters'>,
  fields: { requested?: Record<string, FieldValue>; offered?: Record<string, FieldValue> },
): PipelineParameter[] => {
  const pipeline = settings.key;
  const allowed = settings.parameters;
  const values = new Map<string, string>(Object.entries(settings.staticParameters));
  for (const [field, value] of Object.entries(fields.offered ?? {})) {
    if (value === undefined || !Object.hasOwn(allowed, field)) continue;
    values.set(allowed[field], asParameterValue(pipeline, field, value));
  }
  for (const [field, value] of Object.entries(fields.requested ?? {})) {
    if (!Object.hasOwn(allowed, field)) {
      const known = Object.keys(allowed);
      throw new ParameterMappingError(
        pipeline,
        field,
        `unknown parameter field "${field}"; allowed: ${known.length > 0 ? known.join(', ') : '(none)'}`,
      );
    }
    values.set(allowed[field], asParameterValue(pipeline, field, value));
  }
  if (values.size > parameterLimits.maxParameters) {
    throw new ParameterMappingError(
      pipeline,
      '(parameters)',
      `${values.size} parameters, at most ${parameterLimits.maxParameters} are allowed`,
    );
  }
  const parameters: PipelineParameter[] = [];
  for (const [name, value] of values) {
    if (!parameterLimits.namePattern.test(name)) {
      throw new ParameterMappingError(pipeline, name, `parameter name "${name}" must match [A-Za-z0-9\\-_]{1,256}`);
    }
    if (value.length > parameterLimits.maxValueLength) {
      throw new ParameterMappingError(
        pipeline,
        name,
        `parameter "${name}" has ${value.length} characters, at most ${parameterLimits.maxValueLength} are allowed`,
      );
    }
    parameters.push({ Name: name, Value: value });
  }
  return parameters;
};
