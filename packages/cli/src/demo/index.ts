export type { DemoExecution, DemoReport } from './DemoReport.js';
export type { DemoApproval, DemoCheck, DemoClick } from './demoApproval.js';
export { DEMO_BASELINE_KEY, DEMO_INPUT_COLUMNS, type DemoConfigFile, writeDemoConfig } from './demoConfig.js';
export type { DemoDrift, DemoDriftVerdict, DemoTraffic } from './demoDrift.js';
export type { DemoRollback } from './demoRollback.js';
export {
  DEFAULT_DEMO_SCENARIO,
  DEMO_SCENARIOS,
  type DemoScenario,
  type DemoScenarioName,
  demoScenario,
} from './demoScenarios.js';
export { type DescribeEventContext, describeEvent, executionName, packageName } from './describeEvent.js';
export { describeInvocation } from './describeInvocation.js';
export { describeRecord, isAuditRecord, type RecordLine } from './describeRecord.js';
export { clockTime, formatTimelineEntry } from './formatTimelineEntry.js';
export { renderSlackMessage } from './renderSlackMessage.js';
export { type DemoOptions, runDemo } from './runDemo.js';
export { TimelineCursor } from './TimelineCursor.js';
export type { TimelineEntry } from './TimelineEntry.js';
