import type { DriftWindow } from '../domain/driftWindow.js';
import type { PreviousVerdict } from '../domain/judgeWindow.js';
import type { MonitorSettings } from '../domain/MonitorSettings.js';
import type { DriftPorts } from './ports.js';

/** How far back the previous verdict is looked for. */
const PREVIOUS_LOOKBACK_DAYS = 90;

/**
 * The model's last judged window before this one (`drift` or `no_drift`; windows with too little
 * data or an unresolved baseline do not count), for persistence and for `Drift Cleared`.
 */
export const previousVerdict = async (
  settings: MonitorSettings,
  window: DriftWindow,
  ports: Pick<DriftPorts, 'store'>,
): Promise<PreviousVerdict | undefined> => {
  const since = new Date(window.start.getTime() - PREVIOUS_LOOKBACK_DAYS * 86_400_000).toISOString();
  const history = await ports.store.modelHistory(settings.model, since);
  const found = history.find(
    (r) =>
      r.kind === 'drift' &&
      (r.status === 'drift' || r.status === 'no_drift') &&
      typeof (r.window as { end?: string } | undefined)?.end === 'string' &&
      Date.parse((r.window as { end: string }).end) <= window.start.getTime(),
  );
  if (found === undefined) return undefined;
  return {
    status: found.status as PreviousVerdict['status'],
    ...(found.severity === 'warning' || found.severity === 'critical' ? { severity: found.severity } : {}),
    streak: typeof found.streak === 'number' ? found.streak : found.status === 'drift' ? 1 : 0,
  };
};
