/**
 * The region and account the local cloud and every stand-in use unless told otherwise.
 *
 * One place, so a stand-in started alone, the rule reader and the facade agree on the ARNs they
 * build (`arn:aws:<service>:eu-west-1:123456789012:...`). The account is the one AWS's own
 * documentation uses for examples; it is never a real one.
 */
export const AWS_DEFAULTS = {
  region: 'eu-west-1',
  accountId: '123456789012',
} as const;
