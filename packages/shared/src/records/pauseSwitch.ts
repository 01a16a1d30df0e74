import type { FleetRecord } from './FleetRecord.js';
import { RecordKind } from './RecordKind.js';
import type { RecordsRepositoryPort } from './RecordsRepository.js';
import { canonicalTime, partitionKey, sortKey } from './recordKeys.js';

/**
 * A model's pause switch: whether its retraining and its deployments are paused, who set it
 * last and why. Read by trigger-retraining (its `paused` guard) and approval-callback (before a
 * deployment starts); written by `fleet pause` and `fleet resume`.
 */
export type PauseSwitch = {
  model: string;
  /** True while every trigger of the model's pipeline is skipped as `paused`. */
  retraining: boolean;
  /** True while an approved package of the model is not deployed (decision `paused`). */
  deployment: boolean;
  /** Who made the last change. */
  by: string;
  /** Why, when they said. */
  reason?: string;
  /** ISO time of the last change. */
  at: string;
  /** The id of the last change (the audit record's id and correlation id). */
  changeId: string;
  /** One more at every change: the condition that keeps two operators from interleaving. */
  version: number;
};

/** A pause or a resume, as an operator asks for it. */
export type PauseChange = {
  model: string;
  action: 'pause' | 'resume';
  /** Change the retraining switch. Neither `retraining` nor `deployment` means both. */
  retraining?: boolean;
  /** Change the deployment switch. Neither `retraining` nor `deployment` means both. */
  deployment?: boolean;
  by: string;
  reason?: string;
  now: Date;
  /** A unique id of this change; a retry with the same id applies it once. */
  changeId: string;
};

/** What {@link writePauseChange} did: the switch after the change, the one before, and the audit record. */
export type PauseChangeResult = {
  switch: PauseSwitch;
  previous?: PauseSwitch;
  audit: FleetRecord;
};

/** The sort key of a model's pause switch (its one item in the `PAUSE#MODEL#<model>` partition). */
export const PAUSE_SWITCH_SORT_KEY = 'current';

/** How many times a change is re-applied when another change won the conditional write. */
const MAX_ATTEMPTS = 5;

/**
 * The key of a model's pause switch.
 *
 * @example pauseSwitchKey('churn') // { pk: 'PAUSE#MODEL#churn', sk: 'current' }
 */
export const pauseSwitchKey = (model: string): { pk: string; sk: string } => ({
  pk: partitionKey('PAUSE', `MODEL#${model}`),
  sk: PAUSE_SWITCH_SORT_KEY,
});

/** Thrown when a pause switch cannot be read or changed: a malformed item, a bad change, or a lost race every time. */
export class PauseSwitchError extends Error {
  readonly model: string;

  constructor(model: string, message: string, options?: ErrorOptions) {
    super(`pause switch of model "${model}": ${message}`, options);
    this.name = 'PauseSwitchError';
    this.model = model;
  }
}

const switchFromRecord = (model: string, record: FleetRecord): PauseSwitch => {
  const { retraining, deployment, by, reason, version } = record;
  if (
    record.kind !== RecordKind.pause ||
    typeof retraining !== 'boolean' ||
    typeof deployment !== 'boolean' ||
    typeof by !== 'string' ||
    typeof version !== 'number'
  ) {
    throw new PauseSwitchError(model, `the item ${record.pk} ${record.sk} is not a pause switch`);
  }
  return {
    model,
    retraining,
    deployment,
    by,
    ...(typeof reason === 'string' ? { reason } : {}),
    at: record.at,
    changeId: record.correlationId,
    version,
  };
};

/**
 * Reads a model's pause switch (strongly consistent); `undefined` when nobody ever paused it,
 * which means nothing is paused.
 *
 * @throws PauseSwitchError when the item at the switch's key is not a pause switch
 */
export const readPauseSwitch = async (repo: RecordsRepositoryPort, model: string): Promise<PauseSwitch | undefined> => {
  const key = pauseSwitchKey(model);
  const record = await repo.get(key.pk, key.sk);
  return record === undefined ? undefined : switchFromRecord(model, record);
};

/**
 * The switch after a change: a pure function, so the rule "neither lever named means both" lives
 * in one place.
 */
export const applyPauseChange = (current: PauseSwitch | undefined, change: PauseChange): PauseSwitch => {
  const both = change.retraining !== true && change.deployment !== true;
  const value = change.action === 'pause';
  return {
    model: change.model,
    retraining: both || change.retraining === true ? value : (current?.retraining ?? false),
    deployment: both || change.deployment === true ? value : (current?.deployment ?? false),
    by: change.by,
    ...(change.reason === undefined ? {} : { reason: change.reason }),
    at: canonicalTime(change.now.toISOString()),
    changeId: change.changeId,
    version: (current?.version ?? 0) + 1,
  };
};

const auditRecord = (next: PauseSwitch, change: PauseChange): FleetRecord => ({
  pk: partitionKey('MODEL', change.model),
  sk: sortKey(next.at, RecordKind.pause, change.changeId),
  kind: RecordKind.pause,
  id: change.changeId,
  at: next.at,
  correlationId: change.changeId,
  model: change.model,
  decision: change.action === 'pause' ? 'paused' : 'resumed',
  retraining: next.retraining,
  deployment: next.deployment,
  by: next.by,
  reason: next.reason,
  version: next.version,
});

const assertChange = (change: PauseChange): void => {
  if (change.model.trim() === '') throw new PauseSwitchError(change.model, 'the model name is empty');
  if (change.by.trim() === '') throw new PauseSwitchError(change.model, 'who makes the change ("by") is empty');
  if (change.changeId.trim() === '') throw new PauseSwitchError(change.model, 'the change id is empty');
  if (Number.isNaN(change.now.getTime())) throw new PauseSwitchError(change.model, 'the change time is not a date');
};

/**
 * Pauses or resumes a model's retraining and/or deployments: writes the switch, then the audit
 * record in the model's history (`MODEL#<model>` / `<ISO>#pause#<changeId>`, decision `paused`
 * or `resumed`, the state after the change).
 *
 * The switch is written with one conditional update on the version that was read (DynamoDB and
 * dynalite both honour it; dynalite has no transactions): when two operators change it at once,
 * the loser reads the winner's switch and applies its own change on top, so every audit record
 * states a switch that really existed, in version order. A retry with the same `changeId` finds
 * its change applied and only makes sure its audit record exists.
 *
 * @throws PauseSwitchError when the change is malformed or kept losing the race
 */
export const writePauseChange = async (
  repo: RecordsRepositoryPort,
  change: PauseChange,
): Promise<PauseChangeResult> => {
  assertChange(change);
  const key = pauseSwitchKey(change.model);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const current = await readPauseSwitch(repo, change.model);
    if (current?.changeId === change.changeId) {
      const audit = auditRecord(current, { ...change, now: new Date(current.at) });
      await repo.putIfAbsent(audit);
      return { switch: current, audit };
    }
    const next = applyPauseChange(current, change);
    const written = await repo.update(
      key.pk,
      key.sk,
      {
        kind: RecordKind.pause,
        id: change.model,
        at: next.at,
        correlationId: next.changeId,
        model: next.model,
        retraining: next.retraining,
        deployment: next.deployment,
        by: next.by,
        reason: next.reason,
        version: next.version,
      },
      { ifEquals: { version: current?.version } },
    );
    if (!written) continue;
    const audit = auditRecord(next, change);
    await repo.putIfAbsent(audit);
    return { switch: next, ...(current === undefined ? {} : { previous: current }), audit };
  }
  throw new PauseSwitchError(change.model, `another change won the conditional write ${MAX_ATTEMPTS} times in a row`);
};
