import type { FunctionTarget } from '../../src/serverless/LocalRule.js';
import { readHttpRoutes } from '../../src/serverless/readHttpRoutes.js';
import type { ServiceStack } from '../../src/serverless/readServiceStacks.js';

const stack = (events: unknown[]): ServiceStack => ({
  file: 'serverless.yml',
  service: 'shop-web',
  config: { functions: { api: { handler: 'src/api.handler', events } } },
  resources: {},
  intrinsics: { region: 'eu-west-1', accountId: '123456789012', imports: {} },
  at: (path) => ({ file: 'serverless.yml', line: Number(path[3]) + 1 }),
  functions: new Map([['api', { functionName: 'api', deployedName: 'shop-web-local-api' } as FunctionTarget]]),
});

describe('readHttpRoutes', () => {
  it('reads the framework route forms into route keys', () => {
    // Act
    const { apis, skipped } = readHttpRoutes([
      stack([
        { httpApi: 'GET /a' },
        { httpApi: 'POST /b/{id}' },
        { httpApi: { method: 'get', path: '/c/{proxy+}' } },
        { httpApi: '*' },
        { httpApi: '* /d' },
      ]),
    ]);

    // Assess
    expect(skipped).toEqual([]);
    expect(apis).toHaveLength(1);
    expect(apis[0].routes.map((route) => route.routeKey)).toEqual([
      'GET /a',
      'POST /b/{id}',
      'GET /c/{proxy+}',
      '$default',
      'ANY /d',
    ]);
  });

  it('skips malformed and duplicate routes with the reason', () => {
    // Act
    const { apis, skipped } = readHttpRoutes([
      stack([
        { httpApi: 'GET /a' },
        { httpApi: 'GET /a' },
        { httpApi: 'FETCH /b' },
        { httpApi: 'GET b' },
        { httpApi: 'GET /{proxy+}/tail' },
      ]),
    ]);

    // Assess
    expect(apis[0].routes.map((route) => route.routeKey)).toEqual(['GET /a']);
    expect(skipped.map((item) => [item.kind, item.location.line, item.reason])).toEqual([
      ['httpApi', 2, 'the route GET /a is already served by api'],
      ['httpApi', 3, 'unknown method "FETCH"'],
      ['httpApi', 4, 'the path "b" must start with /'],
      ['httpApi', 5, 'a greedy {name+} must end the path /{proxy+}/tail'],
    ]);
  });
});
