// Timestamps as the apiserver writes them. The model has no clock of its own: every instant comes in as
// an argument (Cluster.advanceTo(now), the `now` of controllers and printers), and only src/cli reads the
// real time or KBE_NOW, so the same inputs always give the same bytes.

/** Returns `instant` as the apiserver writes timestamps: RFC 3339, UTC, whole seconds. */
export function rfc3339(instant: Date | number): string {
  const d = typeof instant === 'number' ? new Date(instant) : instant
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
