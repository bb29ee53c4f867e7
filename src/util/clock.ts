// The model's only notion of "now". The core receives a Clock and never reads the system time itself;
// the CLI builds the real or pinned clock (KBE_NOW), tests use FixedClock and step it by hand.

export interface Clock {
  /** Returns the current instant. */
  now(): Date
}

/** A clock that stays where it is put. */
export class FixedClock implements Clock {
  private current: number

  constructor(start: Date | number) {
    this.current = typeof start === 'number' ? start : start.getTime()
  }

  now(): Date {
    return new Date(this.current)
  }

  /** Moves the clock to `instant`. */
  set(instant: Date | number): void {
    this.current = typeof instant === 'number' ? instant : instant.getTime()
  }

  /** Moves the clock forward by `ms` milliseconds. */
  step(ms: number): void {
    this.current += ms
  }
}

/** Returns `instant` as the apiserver writes timestamps: RFC 3339, UTC, whole seconds. */
export function rfc3339(instant: Date | number): string {
  const d = typeof instant === 'number' ? new Date(instant) : instant
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Returns `instant` as RFC 3339 with nanoseconds trimmed like Go's RFC3339Nano (used by a few annotations). */
export function rfc3339Nano(instant: Date | number): string {
  const d = typeof instant === 'number' ? new Date(instant) : instant
  return d.toISOString().replace(/\.?0+Z$/, 'Z').replace(/\.Z$/, 'Z')
}
