export { AlarmDigest } from './AlarmDigest.js';
export type { DemoExecution, DemoReport } from './DemoReport.js';
export type { DemoApproval, DemoCheck, DemoClick } from './demoApproval.js';
export {
  CHURN_MODEL_BASELINE,
  CHURN_MODEL_DRIFTED,
  csvSlice,
  requestLayout,
  type TrafficRows,
  trafficRows,
} from './demoChurnModels.js';
export type { DemoDrift, DemoDriftVerdict, DemoTraffic, DriftStepsOptions } from './demoDrift.js';
export type { DemoDriftRetrain } from './demoDriftRetrain.js';
export { groundTruthKey, groundTruthLines } from './demoLabels.js';
export { type DemoNightlySchedule, switchOffNightlySchedule } from './demoNightlySchedule.js';
export type { DemoRollback } from './demoRollback.js';
export {
  DEFAULT_DEMO_SCENARIO,
  DEMO_SCENARIOS,
  type DemoScenario,
  type DemoScenarioName,
  demoScenario,
} from './demoScenarios.js';
export { type DemoTrainingInput, pointTrainingInputAt } from './demoTrainingInput.js';
export { type DescribeEventContext, describeEvent, executionName, packageName } from './describeEvent.js';
export { describeInvocation } from './describeInvocation.js';
export { describeRecord, isAuditRecord, type RecordLine } from './describeRecord.js';
export { clockTime, formatTimelineEntry } from './formatTimelineEntry.js';
export { renderSlackMessage } from './renderSlackMessage.js';
export { type DemoOptions, runDemo } from './runDemo.js';
export { TimelineCursor } from './TimelineCursor.js';
export type { TimelineEntry } from './TimelineEntry.js';
