import { FleetMetric } from '@fleet/shared';
import { incidentOf, resolvedScopeOf } from '../domain/pagerduty/incidents.js';
import { pagerDutyResolve, pagerDutyTrigger } from '../domain/pagerduty/pagerDutyTrigger.js';
import { type PagerDutyTarget, routeEvent } from '../domain/routing/routeEvent.js';
import type { DeliveryOutcome } from './deliverOnce.js';
import { deliverToEach } from './deliverToEach.js';
import type { NotifyEvent } from './notifySlack.js';
import type { InvocationOptions, PagerDutyPorts } from './ports.js';
import { reportUrlFor } from './reportUrlFor.js';
import { sendWithRetries } from './sendWithRetries.js';

const trigger = async (
  event: NotifyEvent,
  target: Extract<PagerDutyTarget, { action: 'trigger' }>,
  ports: PagerDutyPorts,
  options: InvocationOptions,
) => {
  const { detailType, detail } = event;
  const { scope, dedupKey } = incidentOf(ports.stage, detailType, detail);
  const reportKey = (detail as { reportKey?: string }).reportKey;
  const reportUrl = detailType.startsWith('Drift')
    ? await reportUrlFor(reportKey, detail.correlationId, ports)
    : undefined;
  const routingKey = await ports.secrets.routingKey(target.parameterName);
  const body = pagerDutyTrigger({
    routingKey,
    dedupKey,
    stage: ports.stage,
    detailType,
    detail,
    severity: target.severity,
    timestamp: event.time,
    reportUrl,
  });
  await sendWithRetries(() => ports.pagerduty.send(body), ports, { remainingMs: options.remainingMs });
  await ports.store.putIncident({
    scope,
    dedupKey,
    parameterName: target.parameterName,
    state: 'open',
    openedAt: ports.clock.now().toISOString(),
    correlationId: detail.correlationId,
  });
  ports.metrics.addMetric(FleetMetric.IncidentsOpened, 'Count', 1);
  return { action: 'trigger', dedupKey, severity: target.severity, parameterName: target.parameterName };
};

const resolve = async (event: NotifyEvent, ports: PagerDutyPorts, options: InvocationOptions) => {
  const scope = resolvedScopeOf(event.detailType, event.detail);
  const open = scope === undefined ? [] : await ports.store.openIncidents(scope);
  for (const incident of open) {
    const routingKey = await ports.secrets.routingKey(incident.parameterName);
    await sendWithRetries(() => ports.pagerduty.send(pagerDutyResolve(routingKey, incident.dedupKey)), ports, {
      remainingMs: options.remainingMs,
    });
    await ports.store.resolveIncident(incident.scope, incident.dedupKey, ports.clock.now().toISOString());
    ports.metrics.addMetric(FleetMetric.IncidentsResolved, 'Count', 1);
  }
  return { action: 'resolve', resolved: open.map((incident) => incident.dedupKey) };
};

/**
 * Sends an event to PagerDuty as its routing says, once per event key and routing key: a
 * trigger under the incident's stable dedup key (remembered as an open incident of its scope),
 * or, for `Drift Cleared` and `Model Deployed`, a resolve of every open incident of the model's
 * drift or the endpoint's failed deployments, with the routing key each was opened with.
 *
 * @throws DeliveriesFailedError when a call could not be made (the others stay delivered)
 */
export const notifyPagerDuty = async (
  event: NotifyEvent,
  ports: PagerDutyPorts,
  options: InvocationOptions,
): Promise<DeliveryOutcome[]> => {
  const decision = routeEvent(ports.config, event.detailType, event.detail);
  const destinations = decision.pagerduty.map((target) => ({
    destination: target.action === 'resolve' ? 'pagerduty:resolve' : `pagerduty:${target.parameterName}`,
    model: target.model,
    send: () => (target.action === 'resolve' ? resolve(event, ports, options) : trigger(event, target, ports, options)),
  }));
  return deliverToEach(event, destinations, ports, options);
};
