// Timestamps as the apiserver writes them. The model has no clock of its own: every instant comes in as
// an argument (Cluster.advanceTo(now), the `now` of controllers and printers), and only src/cli reads the
// real time or KBE_NOW, so the same inputs always give the same bytes.

/** Returns `instant` as the apiserver writes timestamps: RFC 3339, UTC, whole seconds. */
export function rfc3339(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  // A controller stamping thousands of objects asks for the same second over and over.
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    lastSecond = second
  }
  return lastText
}

let lastSecond = Number.NaN
let lastText = ''
