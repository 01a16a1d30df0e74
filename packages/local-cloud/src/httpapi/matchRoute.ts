import type { HttpRouteDefinition } from '../serverless/readHttpRoutes.js';

/** A route that matched a request, with its path parameters (decoded). */
export type MatchedRoute = { route: HttpRouteDefinition; pathParameters?: Record<string, string> };

type CompiledRoute = { route: HttpRouteDefinition; regex: RegExp; names: string[]; literals: number; greedy: boolean };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compile = (route: HttpRouteDefinition): CompiledRoute => {
  const names: string[] = [];
  let literals = 0;
  let greedy = false;
  const segments = (route.path ?? '/').split('/').slice(1);
  const pattern = segments
    .map((segment) => {
      const parameter = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/.exec(segment);
      if (parameter === null) {
        literals++;
        return `/${escapeRegExp(segment)}`;
      }
      names.push(parameter[1]);
      if (parameter[2] === '+') {
        greedy = true;
        return '/(.+)';
      }
      return '/([^/]+)';
    })
    .join('');
  return { route, regex: new RegExp(`^${pattern}$`), names, literals, greedy };
};

/**
 * Picks the route of an HTTP API for a request as API Gateway does: the most specific path wins
 * (literal segments before `{param}`, and `{proxy+}` last), then an exact method before `ANY`;
 * `$default` when nothing else matches.
 */
export const matchRoute = (
  routes: readonly HttpRouteDefinition[],
  method: string,
  rawPath: string,
): MatchedRoute | undefined => {
  const candidates = routes
    .filter((route) => route.routeKey !== '$default' && (route.method === method || route.method === 'ANY'))
    .map(compile)
    .map((compiled) => ({ compiled, match: compiled.regex.exec(rawPath) }))
    .filter((candidate): candidate is { compiled: CompiledRoute; match: RegExpExecArray } => candidate.match !== null)
    .sort(
      (a, b) =>
        Number(a.compiled.greedy) - Number(b.compiled.greedy) ||
        b.compiled.literals - a.compiled.literals ||
        Number(a.compiled.route.method === 'ANY') - Number(b.compiled.route.method === 'ANY'),
    );
  const [best] = candidates;
  if (best === undefined) {
    const fallback = routes.find((route) => route.routeKey === '$default');
    return fallback === undefined ? undefined : { route: fallback };
  }
  if (best.compiled.names.length === 0) return { route: best.compiled.route };
  const pathParameters = Object.fromEntries(
    best.compiled.names.map((name, index) => {
      const raw = best.match[index + 1];
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        // A malformed escape stays as sent, as API Gateway passes it on.
      }
      return [name, value];
    }),
  );
  return { route: best.compiled.route, pathParameters };
};
