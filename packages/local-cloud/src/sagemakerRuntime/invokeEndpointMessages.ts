/** An InvokeEndpoint request, as the HTTP layer decodes it. */
export type InvokeEndpointRequest = {
  endpointName: string;
  body: string;
  /** Default `application/octet-stream`, as the SDK sends a body without one. */
  contentType?: string;
  accept?: string;
  inferenceId?: string;
  customAttributes?: string;
  targetVariant?: string;
};

/** An InvokeEndpoint answer. */
export type InvokeEndpointResponse = {
  body: string;
  contentType: string;
  invokedProductionVariant: string;
  customAttributes?: string;
};
