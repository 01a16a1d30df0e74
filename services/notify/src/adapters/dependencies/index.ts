export {
  type CoreDependencies,
  coreDependencies,
  type DependencyOptions,
  defaultMaxAttempts,
} from './coreDependencies.js';
export { defaultPagerDutyDependencies, pagerDutyDependencies } from './pagerDutyDependencies.js';
export { defaultReportDependencies, type ReportDependencies, reportDependencies } from './reportDependencies.js';
export { serviceName } from './serviceName.js';
export { defaultSlackDependencies, slackDependencies } from './slackDependencies.js';
