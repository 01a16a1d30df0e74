import type { PauseChangeResult, PauseSwitch } from '@fleet/shared';

const state = (paused: boolean): string => (paused ? 'paused' : 'running');

/**
 * The switch as one line: `retraining paused, deployment running`.
 *
 * @example leverStates({ retraining: true, deployment: false }) // 'retraining paused, deployment running'
 */
export const leverStates = (switched: Pick<PauseSwitch, 'retraining' | 'deployment'>): string =>
  `retraining ${state(switched.retraining)}, deployment ${state(switched.deployment)}`;

/**
 * What `fleet pause` and `fleet resume` print: the model's switch after the change, who made it,
 * when and why, and where the audit record is.
 */
export const formatPauseChange = (result: PauseChangeResult, table: string): string => {
  const { switch: now, audit } = result;
  const why = now.reason === undefined ? '' : `: ${now.reason}`;
  const before = result.previous === undefined ? 'never set' : leverStates(result.previous);
  return [
    `${now.model}: ${leverStates(now)} (by ${now.by} at ${now.at}${why})`,
    `  before: ${before}`,
    `  recorded in table ${table}: ${audit.pk} / ${audit.sk}`,
    '',
  ].join('\n');
};
