export type { DemoExecution, DemoReport } from './DemoReport.js';
export { type DescribeEventContext, describeEvent, executionName } from './describeEvent.js';
export { describeInvocation } from './describeInvocation.js';
export { describeRecord, isAuditRecord, type RecordLine } from './describeRecord.js';
export { clockTime, formatTimelineEntry } from './formatTimelineEntry.js';
export { type DemoOptions, runDemo } from './runDemo.js';
export { TimelineCursor } from './TimelineCursor.js';
export type { TimelineEntry } from './TimelineEntry.js';
