export {
  LocalPagerDuty,
  type LocalPagerDutyIncident,
  type LocalPagerDutyOptions,
  type PagerDutyEventOutcome,
  type PagerDutyEventRecord,
  type PagerDutyFailure,
} from './LocalPagerDuty.js';
export { PagerDutyStandIn, type PagerDutyStandInOptions } from './PagerDutyStandIn.js';
export {
  PAGERDUTY_EVENT_ACTIONS,
  PAGERDUTY_LIMITS,
  PAGERDUTY_SEVERITIES,
  type PagerDutyEventAction,
  type PagerDutySeverity,
  type ValidPagerDutyEvent,
  validatePagerDutyEvent,
} from './validateEvent.js';
