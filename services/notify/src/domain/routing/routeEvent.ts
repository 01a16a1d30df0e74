import type {
  FleetConfig,
  FleetDetail,
  FleetDetailType,
  RoutingConfig,
  RoutingRuleConfig,
  SeverityValue,
} from '@fleet/shared';
import { DEFAULT_ROUTES, type PagerDutyAction, type Route } from './defaultRoutes.js';
import { atLeast, SEVERITY_ORDER, severityOf } from './severityOf.js';

/** How long a channel gathers non-urgent posts into one digest when the configuration says nothing. */
export const DEFAULT_DIGEST_SECONDS = 30;

/** A Slack channel an event is posted to. */
export type SlackTarget = { channel: string; model?: string; digestSeconds: number };

/** A PagerDuty call an event asks for. */
export type PagerDutyTarget =
  | { action: 'trigger'; severity: SeverityValue; parameterName: string; model?: string }
  | { action: 'resolve'; model?: string };

/** Where one event goes: its severity, the Slack channels and the PagerDuty calls. */
export type RouteDecision = { severity: SeverityValue; slack: SlackTarget[]; pagerduty: PagerDutyTarget[] };

/** The fleet configuration as routing reads it. */
export type RoutingSource = Pick<FleetConfig, 'models' | 'routing'>;

/**
 * The models an event concerns: its `model`; for a dataset event the models that list the
 * dataset; for a retraining event the models retrained by the pipeline. Empty when none is
 * configured, in which case only the fleet-wide routing applies.
 */
export const modelsOf = (config: RoutingSource, detail: Record<string, unknown>): string[] => {
  if (typeof detail.model === 'string') return [detail.model];
  const models = Object.entries(config.models);
  if (typeof detail.dataset === 'string') {
    return models.filter(([, m]) => m.datasets.includes(detail.dataset as string)).map(([name]) => name);
  }
  if (typeof detail.pipeline === 'string') {
    return models.filter(([, m]) => m.pipeline === detail.pipeline).map(([name]) => name);
  }
  return [];
};

/** A model's routing over the fleet-wide default: its own values win, PagerDuty parameters per severity. */
export const effectiveRouting = (config: RoutingSource, model: string | undefined): RoutingConfig => {
  const fleet = config.routing ?? {};
  const own = model === undefined ? {} : (config.models[model]?.routing ?? {});
  return {
    slackChannel: own.slackChannel ?? fleet.slackChannel,
    pagerduty: { ...fleet.pagerduty, ...own.pagerduty },
    rules: [...(own.rules ?? []), ...(fleet.rules ?? [])],
    slackDigestSeconds: own.slackDigestSeconds ?? fleet.slackDigestSeconds,
  };
};

/** The default route of an event type with the first matching rule (the model's before the fleet's) applied. */
export const ruleRoute = (detailType: FleetDetailType, rules: readonly RoutingRuleConfig[]) => {
  const route: Route = DEFAULT_ROUTES[detailType];
  const rule = rules.find((r) => r.event === detailType);
  if (rule === undefined) return { ...route, minSeverity: undefined };
  let pagerduty: PagerDutyAction = route.pagerduty;
  if (rule.pagerduty === false) pagerduty = { action: 'none' };
  else if (rule.pagerduty === true && route.pagerduty.action === 'none') {
    pagerduty = { action: 'trigger', severities: SEVERITY_ORDER };
  }
  return { slack: rule.slack ?? route.slack, pagerduty, minSeverity: rule.minSeverity };
};

/**
 * Decides where an event goes, per model it concerns (or fleet-wide when it concerns none).
 *
 * A rule's `minSeverity` drops what is below it, except a PagerDuty resolve: an incident the
 * fleet opened is always closed. A severity without a routing-key parameter is never paged.
 * Channels and routing keys shared by several models are each used once.
 */
export const routeEvent = <T extends FleetDetailType>(
  config: RoutingSource,
  detailType: T,
  detail: FleetDetail<T>,
): RouteDecision => {
  const severity = severityOf(detailType, detail);
  const models = modelsOf(config, detail as Record<string, unknown>);
  const slack = new Map<string, SlackTarget>();
  const pagerduty = new Map<string, PagerDutyTarget>();
  for (const model of models.length > 0 ? models : [undefined]) {
    const routing = effectiveRouting(config, model);
    const route = ruleRoute(detailType, routing.rules ?? []);
    const loudEnough = route.minSeverity === undefined || atLeast(severity, route.minSeverity);
    if (route.slack && loudEnough && routing.slackChannel !== undefined && !slack.has(routing.slackChannel)) {
      slack.set(routing.slackChannel, {
        channel: routing.slackChannel,
        digestSeconds: routing.slackDigestSeconds ?? DEFAULT_DIGEST_SECONDS,
        ...(model === undefined ? {} : { model }),
      });
    }
    const action = route.pagerduty;
    if (action.action === 'resolve' && !pagerduty.has('resolve')) {
      pagerduty.set('resolve', { action: 'resolve', ...(model === undefined ? {} : { model }) });
    }
    if (action.action === 'trigger' && loudEnough && action.severities.includes(severity)) {
      const parameterName = routing.pagerduty?.[severity];
      if (parameterName !== undefined && !pagerduty.has(parameterName)) {
        pagerduty.set(parameterName, {
          action: 'trigger',
          severity,
          parameterName,
          ...(model === undefined ? {} : { model }),
        });
      }
    }
  }
  return { severity, slack: [...slack.values()], pagerduty: [...pagerduty.values()] };
};

/**
 * The detail-types that may reach a destination under this configuration: those the default
 * table sends there, and those any rule sends there. The EventBridge rules of the Slack and
 * PagerDuty functions list exactly these (a test compares them with serverless.yml).
 */
export const routedDetailTypes = (config: RoutingSource, destination: 'slack' | 'pagerduty'): FleetDetailType[] => {
  const rules = [
    ...(config.routing?.rules ?? []),
    ...Object.values(config.models).flatMap((m) => m.routing.rules ?? []),
  ];
  return (Object.keys(DEFAULT_ROUTES) as FleetDetailType[]).filter((detailType) => {
    const route: Route = DEFAULT_ROUTES[detailType];
    const byDefault = destination === 'slack' ? route.slack : route.pagerduty.action !== 'none';
    return byDefault || rules.some((rule) => rule.event === detailType && rule[destination] === true);
  });
};
