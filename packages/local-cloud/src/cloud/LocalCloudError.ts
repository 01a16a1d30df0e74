/**
 * Thrown when the local cloud cannot start or is used wrongly: a `serverless.yml` or the
 * configuration cannot be read, a Scheduler target names no function, or it is not started.
 */
export class LocalCloudError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalCloudError';
  }
}
