// HumanDuration as apimachinery's util/duration prints it: the AGE and LAST SEEN cells of `get` and the
// ages in describe's Events. Pure arithmetic on milliseconds; the caller supplies both instants.

/** Returns kubectl's HumanDuration text for a duration in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(seconds / 3600)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365
    const years = Math.trunc(hours / 24 / 365)
    return days === 0 ? `${years}y` : `${years}y${days}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** Returns the HumanDuration age of an RFC 3339 timestamp at `now`, or `<unknown>` when it is unset. */
export function age(timestamp: string | undefined | null, now: Date): string {
  if (!timestamp) return '<unknown>'
  const t = Date.parse(timestamp)
  if (Number.isNaN(t)) return '<unknown>'
  return humanDuration(now.getTime() - t)
}
