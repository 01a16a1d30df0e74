import type { FaultRequest, FaultResponse } from './FaultRequest.js';
import { DEFAULT_FAULT_RATE, DEFAULT_MAX_CONSECUTIVE_FAULTS, type LocalCloudFaults } from './LocalCloudFaults.js';
import { requestIdentity } from './requestIdentity.js';
import { seededChance } from './seededChance.js';
import { serviceFaults } from './serviceFaults.js';

/** The calls one service received and the faults it answered, by error code. */
export type ServiceFaultCount = { calls: number; faults: number; byCode: Record<string, number> };

/** What the injector did, by service id, and in all. */
export type FaultSummary = {
  seed: number;
  rate: number;
  maxConsecutive: number;
  calls: number;
  faults: number;
  services: Record<string, ServiceFaultCount>;
};

/** One fault answered, in order: for tests and for a story of what went wrong. */
export type InjectedFault = { service: string; operation: string; code: string; status: number; inARow: number };

/**
 * Decides which calls fail: a call fails with the seeded chance `rate`, unless its request
 * (service, operation, target and body; see `requestIdentity`) has just failed
 * `maxConsecutive` times in a row, and then it goes through. The decision for the n-th sighting
 * of a request depends only on the seed, the request and n, so it does not change with the
 * order in which concurrent calls arrive. Which fault (throttling or a server error) is the
 * service's own (`serviceFaults`), chosen the same way.
 *
 * A faulted call never reaches the service: nothing it asked for happens, as with a throttled
 * call on AWS.
 */
export class FaultInjector {
  readonly seed: number;
  readonly rate: number;
  readonly maxConsecutive: number;
  readonly #seen = new Map<string, number>();
  readonly #inARow = new Map<string, number>();
  readonly #services: Record<string, ServiceFaultCount> = {};
  readonly #injected: InjectedFault[] = [];

  /** @throws RangeError when the rate is not within 0 to 1 or maxConsecutive is not a whole number ≥ 0 */
  constructor(options: LocalCloudFaults) {
    this.seed = options.seed;
    this.rate = options.rate ?? DEFAULT_FAULT_RATE;
    this.maxConsecutive = options.maxConsecutive ?? DEFAULT_MAX_CONSECUTIVE_FAULTS;
    if (!(this.rate >= 0 && this.rate <= 1))
      throw new RangeError(`faults.rate must be within 0 and 1, not ${this.rate}`);
    if (!Number.isInteger(this.maxConsecutive) || this.maxConsecutive < 0)
      throw new RangeError(`faults.maxConsecutive must be a whole number of at least 0, not ${this.maxConsecutive}`);
    if (!Number.isFinite(this.seed)) throw new RangeError(`faults.seed must be a number, not ${this.seed}`);
  }

  /** The fault to answer this call of `service` with, or undefined to let it through. */
  decide(service: string, request: FaultRequest): FaultResponse | undefined {
    const identity = requestIdentity(service, request);
    const sighting = (this.#seen.get(identity) ?? 0) + 1;
    this.#seen.set(identity, sighting);
    const count = this.#count(service);
    count.calls += 1;
    const inARow = this.#inARow.get(identity) ?? 0;
    const faults = serviceFaults(service);
    const fails =
      faults.length > 0 &&
      inARow < this.maxConsecutive &&
      seededChance(this.seed, `${identity}#${sighting}`) < this.rate;
    if (!fails) {
      this.#inARow.delete(identity);
      return undefined;
    }
    this.#inARow.set(identity, inARow + 1);
    const chosen = faults[Math.floor(seededChance(this.seed, `${identity}#${sighting}#kind`) * faults.length)];
    const response = chosen.answer(request);
    count.faults += 1;
    count.byCode[chosen.code] = (count.byCode[chosen.code] ?? 0) + 1;
    this.#injected.push({
      service,
      operation: identity.split(' ').slice(1, -1).join(' '),
      code: chosen.code,
      status: chosen.status,
      inARow: inARow + 1,
    });
    return response;
  }

  /** The calls and faults so far, by service. */
  summary(): FaultSummary {
    const services = Object.fromEntries(
      Object.entries(this.#services)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, count]) => [service, { ...count, byCode: { ...count.byCode } }]),
    );
    const total = (key: 'calls' | 'faults') =>
      Object.values(this.#services).reduce((sum, count) => sum + count[key], 0);
    return {
      seed: this.seed,
      rate: this.rate,
      maxConsecutive: this.maxConsecutive,
      calls: total('calls'),
      faults: total('faults'),
      services,
    };
  }

  /** Every fault answered so far, oldest first. */
  injected(): readonly InjectedFault[] {
    return this.#injected;
  }

  #count(service: string): ServiceFaultCount {
    this.#services[service] ??= { calls: 0, faults: 0, byCode: {} };
    return this.#services[service];
  }
}
