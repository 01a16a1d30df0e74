import type { LocalHttpRoute } from '@fleet/local-cloud';

/** The routes a client of the fleet reaches by a name of its own, e.g. the Slack app's interactivity URL. */
const NAMED_ROUTES: Record<string, string> = { 'POST /slack/interactions': 'slackInteractions' };

/**
 * The URLs of the fleet's HTTP API routes, for `fleet local --json`: a known route by its name
 * (`slackInteractions` for `POST /slack/interactions`), any other as `<service> <route key>`.
 * A path parameter stays a `{name}` placeholder in the URL.
 */
export const fleetHttpUrls = (routes: readonly LocalHttpRoute[]): Record<string, string> =>
  Object.fromEntries(
    routes.map((route) => {
      const [, routePath = '/'] = route.routeKey.split(' ');
      return [NAMED_ROUTES[route.routeKey] ?? `${route.service} ${route.routeKey}`, `${route.url}${routePath}`];
    }),
  );
