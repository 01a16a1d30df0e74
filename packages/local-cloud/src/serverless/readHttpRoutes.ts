import { isPlainObject } from '../isPlainObject.js';
import type { FunctionTarget, SkippedEvent, SourceLocation } from './LocalRule.js';
import type { ServiceStack } from './readServiceStacks.js';

/** One route of an HTTP API: `GET /orders/{id}`, `ANY /{proxy+}` or `$default`. */
export type HttpRouteDefinition = {
  /** As API Gateway writes it: `<METHOD> <path>` (`ANY` for every method), or `$default`. */
  routeKey: string;
  /** Upper case, or `ANY`; undefined for `$default`. */
  method?: string;
  path?: string;
  target: FunctionTarget;
  location: SourceLocation;
};

/** The HTTP API of one service stack (the framework makes one per stack) and its routes. */
export type HttpApiDefinition = { service: string; routes: HttpRouteDefinition[] };

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']);

/** Parses `GET /path`, `* /path` or `*` into a method and a path; undefined when it is none of those. */
const parseRoute = (value: unknown): { method?: string; path?: string } | string => {
  if (value === '*') return {};
  const settings = isPlainObject(value)
    ? value
    : typeof value === 'string'
      ? { method: value.split(' ')[0], path: value.split(' ').slice(1).join(' ') }
      : undefined;
  if (settings === undefined)
    return `an httpApi event must be a route string or { method, path }, got ${JSON.stringify(value)}`;
  const method = String(settings.method ?? '').toUpperCase();
  const routePath = String(settings.path ?? '');
  const normalisedMethod = method === '*' ? 'ANY' : method;
  if (!METHODS.has(normalisedMethod)) return `unknown method ${JSON.stringify(settings.method)}`;
  if (!routePath.startsWith('/')) return `the path ${JSON.stringify(settings.path)} must start with /`;
  const greedy = routePath.indexOf('+}');
  if (greedy !== -1 && greedy !== routePath.length - 2) return `a greedy {name+} must end the path ${routePath}`;
  return { method: normalisedMethod, path: routePath };
};

/**
 * The HTTP APIs of the stacks: one per service stack with `httpApi` events, with a route per event.
 *
 * Routes come in the framework's forms: `'GET /orders/{id}'`, `'* /{proxy+}'`, `'*'` (the
 * `$default` route) or `{ method, path }`. An event that is none of these is listed in
 * `skipped`; two events with the same route key keep the first.
 */
export const readHttpRoutes = (stacks: readonly ServiceStack[]) => {
  const apis: HttpApiDefinition[] = [];
  const skipped: SkippedEvent[] = [];
  for (const stack of stacks) {
    const routes: HttpRouteDefinition[] = [];
    const functions = isPlainObject(stack.config.functions) ? stack.config.functions : {};
    for (const [functionName, definition] of Object.entries(functions)) {
      const target = stack.functions.get(functionName);
      if (!isPlainObject(definition) || target === undefined || !Array.isArray(definition.events)) continue;
      definition.events.forEach((event: unknown, index: number) => {
        if (!isPlainObject(event) || event.httpApi === undefined) return;
        const location = stack.at(['functions', functionName, 'events', index, 'httpApi']);
        const route = parseRoute(event.httpApi);
        const skip = (reason: string) =>
          skipped.push({ service: stack.service, functionName, kind: 'httpApi', reason, location });
        if (typeof route === 'string') {
          skip(route);
          return;
        }
        const routeKey = route.method === undefined ? '$default' : `${route.method} ${route.path}`;
        if (routes.some((known) => known.routeKey === routeKey)) {
          skip(
            `the route ${routeKey} is already served by ${routes.find((r) => r.routeKey === routeKey)?.target.functionName}`,
          );
          return;
        }
        routes.push({ routeKey, ...route, target, location });
      });
    }
    if (routes.length > 0) apis.push({ service: stack.service, routes });
  }
  return { apis, skipped };
};
