// The request budgets of the controller-manager's API clients. kube-controller-manager gives each
// controller a client limited to --kube-api-qps=20 with --kube-api-burst=30 (a token bucket), so a
// ReplicationController scaled to 10,000 replicas gets 30 pods at once and then 20 a second, and the
// garbage collector deletes a deleted controller's pods at the same pace: `kubectl get rc` shows CURRENT
// climbing for minutes. The buckets live in the cluster state, so the pace does not depend on how often
// kbe runs. To keep the model cheap a throttled client is served in batches: it is granted requests only
// once min(wanted, QPS) tokens are there (a batch a second rather than one request every 50 ms), and a
// refused client is given the instant its batch will be ready, when the cluster wakes the controllers.
// Tokens are counted in thousandths, so the bucket's arithmetic is exact.

/** kube-controller-manager's --kube-api-qps and --kube-api-burst defaults. */
export const CLIENT_QPS = 20
export const CLIENT_BURST = 30

/** Thousandths of a token: a client earns CLIENT_QPS of them per millisecond. */
const UNIT = 1000

/** One client's token bucket as persisted: thousandths of a token at instant `at`, and its wake-up if refused. */
export interface ClientBucket {
  tokens: number
  at: number
  wake?: number
}

/** Returns whether `value` has the shape of the persisted buckets (what a state file may hold). */
export function isClientBuckets(value: unknown): value is Record<string, ClientBucket> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every((b: ClientBucket) => typeof b === 'object' && b !== null && Number.isFinite(b.tokens) && Number.isFinite(b.at) && (b.wake === undefined || Number.isFinite(b.wake)))
}

export class ClientRateLimits {
  /** `holder.clients` keeps the buckets (created on the first request, so an idle cluster's state has none). */
  constructor(private readonly holder: {clients?: Record<string, ClientBucket>}, private readonly now: () => number) {}

  private get buckets(): Record<string, ClientBucket> {
    return this.holder.clients ?? {}
  }

  /**
   * Takes up to `wanted` requests from `client`'s budget now and returns how many it may make: all of
   * them, a batch of at least min(wanted, CLIENT_QPS), or none. When it grants fewer than `wanted` it
   * plans the client's wake-up for when its next batch is ready.
   */
  take(client: string, wanted: number): number {
    if (wanted <= 0) return 0
    const now = this.now()
    const tokens = this.tokensAt(client, now)
    const granted = this.grantable(tokens, wanted)
    this.record(client, tokens - granted * UNIT, now)
    if (granted < wanted) this.planWake(client, wanted - granted)
    return granted
  }

  /** Returns whether take(client, wanted) would grant anything now; plans the wake-up when it would not. */
  ready(client: string, wanted: number): boolean {
    if (wanted <= 0) return true
    const now = this.now()
    if (this.grantable(this.tokensAt(client, now), wanted) > 0) return true
    this.record(client, this.tokensAt(client, now), now)
    this.planWake(client, wanted)
    return false
  }

  /** Returns the earliest planned wake-up, if any client is waiting for its batch. */
  nextWake(): number | undefined {
    let first: number | undefined
    for (const bucket of Object.values(this.buckets)) if (bucket.wake !== undefined && (first === undefined || bucket.wake < first)) first = bucket.wake
    return first
  }

  /** Forgets the wake-ups due by `instant` (the controllers are about to run; whoever is still short asks again). */
  clearWakes(instant: number): void {
    for (const bucket of Object.values(this.buckets)) if (bucket.wake !== undefined && bucket.wake <= instant) delete bucket.wake
  }

  private tokensAt(client: string, now: number): number {
    const bucket = this.buckets[client]
    if (!bucket) return CLIENT_BURST * UNIT
    return Math.min(CLIENT_BURST * UNIT, bucket.tokens + Math.max(0, now - bucket.at) * CLIENT_QPS)
  }

  /** Stores the bucket's level at `now`, keeping a wake-up planned earlier (another caller may still wait for it). */
  private record(client: string, tokens: number, now: number): void {
    const buckets = (this.holder.clients ??= {})
    const wake = buckets[client]?.wake
    buckets[client] = wake === undefined ? {tokens, at: now} : {tokens, at: now, wake}
  }

  private grantable(tokens: number, wanted: number): number {
    const whole = Math.floor(tokens / UNIT)
    return whole >= Math.min(wanted, CLIENT_QPS) ? Math.min(wanted, whole) : 0
  }

  /** Wakes `client` when a batch for `remaining` more requests will be there. */
  private planWake(client: string, remaining: number): void {
    const bucket = this.buckets[client]
    const needed = Math.min(remaining, CLIENT_QPS) * UNIT - bucket.tokens
    const wake = bucket.at + Math.max(1, Math.ceil(needed / CLIENT_QPS))
    if (bucket.wake === undefined || wake < bucket.wake) bucket.wake = wake
  }
}
