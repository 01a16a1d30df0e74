import { UndeclaredParameterError } from './errors.js';
import type { PipelineParameter } from './mapParameters.js';
import type { PipelineSettings } from './PipelineSettings.js';

/** Where a parameter comes from in the configuration, for the error message. */
const origin = (settings: Pick<PipelineSettings, 'key' | 'parameters' | 'staticParameters'>, name: string): string => {
  const fields = Object.entries(settings.parameters)
    .filter(([, target]) => target === name)
    .map(([field]) => `pipelines.${settings.key}.parameters.${field}`);
  if (Object.hasOwn(settings.staticParameters, name)) fields.push(`pipelines.${settings.key}.staticParameters.${name}`);
  return fields.length > 0 ? ` (from ${fields.join(', ')})` : '';
};

/**
 * Checks the parameters a start would pass against those the pipeline's definition declares.
 *
 * docs/architecture.md makes the allow-list "checked against the pipeline's declared parameters": a
 * mapped or static parameter the pipeline does not declare is a configuration mistake that
 * SageMaker would answer with a bare ValidationException. Only the parameters of this start
 * are checked, so a trigger is never failed for a mapping it does not use.
 *
 * @throws UndeclaredParameterError naming each undeclared parameter, where the configuration
 * sets it, the SageMaker pipeline, and what it declares
 */
export const checkDeclaredParameters = (
  settings: Pick<PipelineSettings, 'key' | 'pipelineName' | 'parameters' | 'staticParameters'>,
  parameters: readonly PipelineParameter[],
  declared: ReadonlySet<string>,
): void => {
  const undeclared = parameters.map((p) => p.Name).filter((name) => !declared.has(name));
  if (undeclared.length === 0) return;
  const names = undeclared.map((name) => `"${name}"${origin(settings, name)}`).join(', ');
  const known = [...declared].sort();
  throw new UndeclaredParameterError(
    settings.key,
    settings.pipelineName,
    undeclared,
    `SageMaker pipeline "${settings.pipelineName}" does not declare parameter${undeclared.length > 1 ? 's' : ''} ${names}; ` +
      `it declares: ${known.length > 0 ? known.join(', ') : '(none)'}`,
  );
};
