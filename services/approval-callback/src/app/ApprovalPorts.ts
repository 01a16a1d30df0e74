import type {
  AppLogger,
  AppMetrics,
  ApprovalEvents,
  ApprovalWorkflow,
  Clock,
  EvaluationReader,
  ModelRegistry,
  SlackReplies,
} from './ports.js';
import type { ApprovalStore } from './records.js';

/**
 * Everything the approval's use cases need from outside. Each use case takes only the ports it
 * calls (`Pick<ApprovalPorts, ...>`), so each function's dependency factory builds only those.
 */
export type ApprovalPorts = {
  store: ApprovalStore;
  registry: ModelRegistry;
  evaluations: EvaluationReader;
  workflow: ApprovalWorkflow;
  events: ApprovalEvents;
  replies: SlackReplies;
  clock: Clock;
  logger: AppLogger;
  metrics: AppMetrics;
};
