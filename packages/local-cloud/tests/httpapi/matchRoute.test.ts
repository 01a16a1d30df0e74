import { matchRoute } from '../../src/httpapi/matchRoute.js';
import type { FunctionTarget } from '../../src/serverless/LocalRule.js';
import type { HttpRouteDefinition } from '../../src/serverless/readHttpRoutes.js';

const route = (routeKey: string): HttpRouteDefinition => {
  const [method, path] = routeKey === '$default' ? [undefined, undefined] : routeKey.split(' ');
  return {
    routeKey,
    ...(method === undefined ? {} : { method, path }),
    target: { functionName: routeKey } as FunctionTarget,
    location: { file: 'serverless.yml' },
  };
};

describe('matchRoute', () => {
  const routes = [
    route('ANY /{proxy+}'),
    route('GET /items/{id}'),
    route('ANY /items/{id}'),
    route('GET /items/special'),
    route('$default'),
  ];

  it.each([
    ['GET', '/items/special', 'GET /items/special', undefined],
    ['GET', '/items/7', 'GET /items/{id}', { id: '7' }],
    ['POST', '/items/7', 'ANY /items/{id}', { id: '7' }],
    ['GET', '/other/deep/path', 'ANY /{proxy+}', { proxy: 'other/deep/path' }],
  ])('routes %s %s to %s', (method, path, routeKey, pathParameters) => {
    // Act
    const matched = matchRoute(routes, method, path);

    // Assess
    expect(matched?.route.routeKey).toBe(routeKey);
    expect(matched?.pathParameters).toEqual(pathParameters);
  });

  it('falls back to $default when no other route matches', () => {
    // Act
    const matched = matchRoute([route('GET /items/{id}'), route('$default')], 'GET', '/elsewhere');

    // Assess
    expect(matched?.route.routeKey).toBe('$default');
  });

  it('returns undefined when nothing matches and there is no $default', () => {
    // Act
    const matched = matchRoute([route('GET /items/{id}')], 'GET', '/items/1/more');

    // Assess
    expect(matched).toBeUndefined();
  });
});
