/**
 * Thrown when a `serverless.yml` cannot be read or a value in it cannot be resolved locally.
 *
 * The message starts with the file and, when known, the line, then names the field, so the
 * problem can be found without running the framework.
 */
export class ServerlessConfigError extends Error {
  readonly file: string;
  readonly line?: number;

  constructor(file: string, message: string, options?: ErrorOptions & { line?: number }) {
    super(`${file}${options?.line === undefined ? '' : `:${options.line}`}: ${message}`, options);
    this.name = 'ServerlessConfigError';
    this.file = file;
    this.line = options?.line;
  }
}
