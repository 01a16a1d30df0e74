import { AwsServiceError } from '../http/AwsServiceError.js';

/** An AwsServiceError with the further members sagemaker-runtime errors carry (`ModelError`'s `OriginalStatusCode`...). */
export class RuntimeServiceError extends AwsServiceError {
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, statusCode: number, fields: Record<string, unknown> = {}) {
    super(code, message, statusCode);
    this.name = 'RuntimeServiceError';
    this.fields = fields;
  }
}
