/**
 * Thrown when a function's handler module cannot be loaded or lacks the named export.
 *
 * Names the module and the export, as `Runtime.ImportModuleError` / `Runtime.HandlerNotFound`
 * do in Lambda, so a wrong `handler:` line is found at once.
 */
export class HandlerLoadError extends Error {
  readonly handlerPath: string;
  readonly handlerExport: string;

  constructor(handlerPath: string, handlerExport: string, message: string, options?: ErrorOptions) {
    super(`${handlerPath}: ${message}`, options);
    this.name = 'HandlerLoadError';
    this.handlerPath = handlerPath;
    this.handlerExport = handlerExport;
  }
}
