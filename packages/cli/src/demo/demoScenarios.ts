import type { RegistrationMetrics } from '@fleet/local-cloud';

/** The scenarios `fleet demo --scenario` runs. */
export type DemoScenarioName = 'approve' | 'regression' | 'expired' | 'rollback' | 'faults';

/** What one scenario does after the run succeeds, and the metrics the runs' evaluation reports. */
export type DemoScenario = {
  name: DemoScenarioName;
  /** One line for `fleet demo --list`. */
  summary: string;
  /** The metrics of the packages the runs register, in order (the last repeats). */
  metrics: RegistrationMetrics;
  /** Whether live traffic follows the deployment and the drift monitor judges it. */
  drift?: boolean;
  /** Whether every service fails a seeded share of calls transiently (`fleet demo --seed`). */
  faults?: boolean;
};

/** Every scenario, the default first. */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    name: 'approve',
    summary:
      'the nightly schedule is switched off (EventBridge DisableRule); the retrained package is compared, the approvers are asked in Slack, the demo clicks Approve (a signed request), the package is Approved and deployed; live traffic through InvokeEndpoint, judged against the training data by lineage; new customers drift (warning, then critical with their late labels showing the quality fall), the on-call is paged, a retrain starts for drift on their labelled export, its package is approved and deployed, and the next window, judged against the new training data, clears the drift and resolves the incident',
    // The local models' own figures: the first trained on the baseline, the drift retrain's on the new customers.
    metrics: [
      { roc_auc: 0.83, accuracy: 0.79 },
      { roc_auc: 0.83, accuracy: 0.75 },
    ],
    drift: true,
  },
  {
    name: 'regression',
    summary:
      'as approve, then the nightly scheduled run registers a package that scores below the champion: rejected by the quality gate, nobody asked',
    metrics: [
      { roc_auc: 0.88, accuracy: 0.84 },
      { roc_auc: 0.84, accuracy: 0.83 },
    ],
  },
  {
    name: 'expired',
    summary:
      'nobody answers the approval request: the clock passes timeoutHours, the approval expires, the package stays pending and a late click answers "expired"',
    metrics: { roc_auc: 0.88, accuracy: 0.84 },
  },
  {
    name: 'rollback',
    summary:
      'as approve, then the nightly run registers a second package, approved in Slack; during its canary a rollback alarm goes to ALARM: the endpoint rolls back, Deployment Failed (rolled_back), never Model Deployed',
    metrics: { roc_auc: 0.88, accuracy: 0.84 },
  },
  {
    name: 'faults',
    summary:
      'as approve, with every service failing 10 % of calls with its own throttling or 5xx (never one request more than 3 times in a row; --seed N picks which): the loop still completes, with no duplicate run, message, decision or deployment, and every event handled or dead-lettered with a record',
    metrics: { roc_auc: 0.88, accuracy: 0.84 },
    drift: true,
    faults: true,
  },
];

/** The default scenario. */
export const DEFAULT_DEMO_SCENARIO: DemoScenarioName = 'approve';

/** The scenario of that name, or undefined. */
export const demoScenario = (name: string): DemoScenario | undefined =>
  DEMO_SCENARIOS.find((scenario) => scenario.name === name);
