/**
 * Thrown when the fleet configuration or a dataset contract cannot be loaded or is invalid.
 *
 * The message starts with the file and names the bad field, for example
 * `fleet.config.yaml: pipelines.churn-retrain.guards.cooldownMinutes: expected number`.
 */
export class ConfigError extends Error {
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super(`${file}: ${message}`, options);
    this.name = 'ConfigError';
    this.file = file;
  }
}
