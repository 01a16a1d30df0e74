export {
  type LocalSchedule,
  LocalScheduler,
  type LocalSchedulerOptions,
  type ScheduleInvocation,
  type ScheduleInvocationRecord,
} from './LocalScheduler.js';
export {
  parseScheduleExpression,
  type ScheduleExpression,
  type ScheduleExpressionProblem,
} from './parseScheduleExpression.js';
export { type SchedulerOperations, schedulerHttpHandler } from './schedulerHttpHandler.js';
export { isTimeZone, type LocalDateTime, zonedTimeToUtc } from './zonedTimeToUtc.js';
