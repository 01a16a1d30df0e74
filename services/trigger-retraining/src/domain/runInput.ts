import type { CoveredObject } from './CoveredObject.js';
import type { PipelineParameter } from './mapParameters.js';

/**
 * The effective input of one run, as its decision record keeps it (lineage).
 *
 * A run is reproducible from this alone: the parameters sent, the defaults the pipeline's
 * definition declared for those not sent (SageMaker used them, and a later deployment may
 * change them), and for a dataset landing or a debounced prefix the validated objects it
 * covered.
 */
export type RunInput = {
  /** The parameters as sent to StartPipelineExecution. */
  parameters: Record<string, string>;
  /** The defaults the pipeline declared when the run started, every one of them. */
  declaredDefaults: Record<string, string>;
  /** What the run saw: the declared defaults overlaid with the parameters sent. */
  effectiveParameters: Record<string, string>;
  /** The validated objects the run covered, for a dataset landing or a debounced prefix. */
  objects?: CoveredObject[];
  /** How many covered objects are not listed (see `maxCoveredObjects`). */
  objectsOmitted?: number;
};

/**
 * Builds the {@link RunInput} of a start from the parameters sent, the pipeline's declared
 * defaults and the objects the trigger covered.
 *
 * @example
 * runInput([{ Name: 'A', Value: '1' }], { A: '0', B: '2' }).effectiveParameters // { A: '1', B: '2' }
 */
export const runInput = (
  sent: readonly PipelineParameter[],
  declaredDefaults: Readonly<Record<string, string>>,
  covered?: { objects: readonly CoveredObject[]; omitted?: number },
): RunInput => {
  const parameters = Object.fromEntries(sent.map((p) => [p.Name, p.Value]));
  return {
    parameters,
    declaredDefaults: { ...declaredDefaults },
    effectiveParameters: { ...declaredDefaults, ...parameters },
    ...(covered === undefined ? {} : { objects: covered.objects.map((object) => ({ ...object })) }),
    ...(covered?.omitted ? { objectsOmitted: covered.omitted } : {}),
  };
};
