import { createHash } from 'node:crypto';
import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { awsJsonHandler } from '../http/awsJsonHandler.js';
import { StandInServer } from '../http/StandInServer.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';

/** A parameter the SSM stand-in is seeded with (`LocalCloudOptions.parameters`). */
export type LocalParameter = { value: string; type?: 'String' | 'SecureString' | 'StringList' };

type StoredParameter = { name: string; type: string; value: string; version: number; lastModified: Date };

const MAX_GET_PARAMETERS = 10;
const NAME = /^[a-zA-Z0-9_.\-/]{1,2048}$/;

/**
 * What SSM returns for a SecureString read without decryption: the value encrypted under the
 * account's KMS key, base64. Locally an opaque digest, never the value.
 */
const ciphertext = (parameter: StoredParameter): string =>
  Buffer.concat([
    Buffer.from([1, 2, 2, 0]),
    createHash('sha256').update(`${parameter.name}\n${parameter.version}\n${parameter.value}`).digest(),
  ]).toString('base64');

/**
 * Systems Manager Parameter Store: the parameters the local cloud is seeded with, over the
 * awsJson 1.1 protocol (`X-Amz-Target: AmazonSSM.<Operation>`) the SDK and Powertools
 * parameters speak.
 *
 * GetParameter, GetParameters, GetParametersByPath and PutParameter, with SSM's error names
 * (`ParameterNotFound`, `ParameterAlreadyExists`, `ValidationException`). SecureString values
 * come back decrypted only with `WithDecryption`; without it, as ciphertext, as AWS returns them.
 */
export class SsmStandIn implements LocalStandIn {
  readonly name = 'ssm';
  readonly #parameters = new Map<string, StoredParameter>();
  readonly #seed: Readonly<Record<string, LocalParameter>>;
  #context?: StandInContext;
  readonly #server = new StandInServer(
    awsJsonHandler({
      targetPrefix: 'AmazonSSM',
      handle: async (operation, body) => this.handle(operation, (body ?? {}) as Record<string, unknown>),
      internalError: (error) => new AwsServiceError('InternalServerError', (error as Error).message, 500),
    }),
  );

  constructor(options: { parameters?: Readonly<Record<string, LocalParameter>> } = {}) {
    this.#seed = options.parameters ?? {};
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    this.#context = context;
    for (const [name, parameter] of Object.entries(this.#seed))
      this.#put(name, parameter.value, parameter.type ?? 'String');
    const endpoint = await context.listen('ssm', (port) => this.#server.listen({ port }));
    return { endpoints: { ssm: endpoint }, stop: () => this.#server.close() };
  }

  /** A parameter's current value (decrypted), or undefined. */
  value(name: string): string | undefined {
    return this.#parameters.get(name)?.value;
  }

  /** Runs one SSM operation on a request body, as the HTTP API does. @throws AwsServiceError as SSM would */
  async handle(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const decrypt = input.WithDecryption === true;
    switch (operation) {
      case 'GetParameter': {
        const parameter = this.#parameters.get(this.#nameOf(this.#requiredName(input.Name)));
        if (parameter === undefined) throw new AwsServiceError('ParameterNotFound', '', 400);
        return { Parameter: this.#describe(parameter, decrypt) };
      }
      case 'GetParameters': {
        const names = input.Names;
        if (!Array.isArray(names) || names.length === 0 || names.length > MAX_GET_PARAMETERS) {
          throw new AwsServiceError(
            'ValidationException',
            `1 validation error detected: Value '${JSON.stringify(names ?? null)}' at 'names' failed to satisfy constraint: Member must have length less than or equal to ${MAX_GET_PARAMETERS} and greater than or equal to 1`,
          );
        }
        const found: Record<string, unknown>[] = [];
        const invalid: string[] = [];
        for (const name of new Set(names.map(String))) {
          const parameter = this.#parameters.get(this.#nameOf(name));
          if (parameter === undefined) invalid.push(name);
          else found.push(this.#describe(parameter, decrypt));
        }
        return { Parameters: found, InvalidParameters: invalid };
      }
      case 'GetParametersByPath': {
        const path = String(input.Path ?? '');
        if (!path.startsWith('/')) {
          throw new AwsServiceError(
            'ValidationException',
            `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/".`,
          );
        }
        const prefix = path.endsWith('/') ? path : `${path}/`;
        const matching = [...this.#parameters.values()]
          .filter((parameter) => parameter.name.startsWith(prefix))
          .filter((parameter) => input.Recursive === true || !parameter.name.slice(prefix.length).includes('/'))
          .sort((a, b) => a.name.localeCompare(b.name));
        const max = typeof input.MaxResults === 'number' ? input.MaxResults : 10;
        const offset =
          input.NextToken === undefined ? 0 : Number(Buffer.from(String(input.NextToken), 'base64url').toString());
        if (!Number.isInteger(offset) || offset < 0)
          throw new AwsServiceError('ValidationException', 'The specified token is not valid.');
        return {
          Parameters: matching.slice(offset, offset + max).map((parameter) => this.#describe(parameter, decrypt)),
          ...(offset + max < matching.length
            ? { NextToken: Buffer.from(String(offset + max)).toString('base64url') }
            : {}),
        };
      }
      case 'PutParameter': {
        const name = this.#requiredName(input.Name);
        if (typeof input.Value !== 'string') {
          throw new AwsServiceError(
            'ValidationException',
            "1 validation error detected: Value null at 'value' failed to satisfy constraint: Member must not be null",
          );
        }
        const existing = this.#parameters.get(name);
        if (existing !== undefined && input.Overwrite !== true) {
          throw new AwsServiceError(
            'ParameterAlreadyExists',
            'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
          );
        }
        const type = typeof input.Type === 'string' ? input.Type : existing?.type;
        if (type === undefined || !['String', 'StringList', 'SecureString'].includes(type)) {
          throw new AwsServiceError(
            'ValidationException',
            type === undefined
              ? 'A parameter type is required when you create a parameter.'
              : `1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]`,
          );
        }
        const stored = this.#put(name, input.Value, type);
        return { Version: stored.version, Tier: 'Standard' };
      }
      default:
        throw new AwsServiceError('InvalidAction', `The action ${operation} is not valid for this endpoint.`);
    }
  }

  #requiredName(value: unknown): string {
    if (typeof value !== 'string' || !NAME.test(this.#nameOf(value))) {
      throw new AwsServiceError(
        'ValidationException',
        `1 validation error detected: Value ${value === undefined ? 'null' : `'${String(value)}'`} at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_.\\-/]{1,2048}$`,
      );
    }
    return value;
  }

  /** The name of a parameter given by name or ARN (`arn:aws:ssm:<region>:<account>:parameter/<name>`). */
  #nameOf(nameOrArn: string): string {
    const match = /^arn:aws[a-z-]*:ssm:[^:]*:\d{12}:parameter(\/.*)$/.exec(nameOrArn);
    if (match === null) return nameOrArn;
    // A name that starts with a slash keeps it in the ARN once: parameter/fleet/x is /fleet/x.
    return this.#parameters.has(match[1]) ? match[1] : match[1].slice(1);
  }

  #put(name: string, value: string, type: string): StoredParameter {
    const stored: StoredParameter = {
      name,
      type,
      value,
      version: (this.#parameters.get(name)?.version ?? 0) + 1,
      lastModified: this.#context?.clock.now() ?? new Date(),
    };
    this.#parameters.set(name, stored);
    return stored;
  }

  #describe(parameter: StoredParameter, decrypt: boolean): Record<string, unknown> {
    const { region, accountId } = this.#context ?? AWS_DEFAULTS;
    return {
      Name: parameter.name,
      Type: parameter.type,
      Value: parameter.type === 'SecureString' && !decrypt ? ciphertext(parameter) : parameter.value,
      Version: parameter.version,
      LastModifiedDate: parameter.lastModified.getTime() / 1000,
      ARN: `arn:aws:ssm:${region}:${accountId}:parameter${parameter.name.startsWith('/') ? '' : '/'}${parameter.name}`,
      DataType: 'text',
    };
  }
}
