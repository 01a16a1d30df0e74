import path from 'node:path';
import { type LoadedFleetConfig, loadContract } from '@fleet/shared';
import { type MonitorSettings, monitorSettings } from '../../domain/MonitorSettings.js';

/**
 * Resolves the drift settings of every monitored model (those with a `drift` section), with the
 * contract of each model's first dataset.
 *
 * @throws ConfigError naming the file and field of the first bad setting
 */
export const loadMonitorSettings = (config: LoadedFleetConfig): Map<string, MonitorSettings> => {
  const settings = new Map<string, MonitorSettings>();
  for (const [model, entry] of Object.entries(config.models)) {
    if (entry.drift === undefined) continue;
    const dataset = entry.datasets[0];
    const contractFile = dataset === undefined ? undefined : config.datasets[dataset]?.contract;
    const contract =
      contractFile === undefined ? undefined : loadContract(path.resolve(config.baseDir, contractFile)).contract;
    settings.set(
      model,
      monitorSettings(config, model, { file: config.file, ...(contract === undefined ? {} : { contract }) }),
    );
  }
  return settings;
};
