// curl's progress meter (lib/progress.c of 7.88), shown on stderr when curl is not silent and its
// output is not a terminal: a two-line header, then `\r`-prefixed status lines — one at the start,
// one per elapsed second while waiting, one when data arrives in a new second, and the forced final
// one (followed by a newline). Columns: percentages, sizes and speeds in curl's 5-character `max5`
// form, total/spent/left times as `H:MM:SS` or `--:--:--`, and the current speed over the last
// five seconds of samples. The times are the simulated ones the caller passes.

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n'

/** A progress update at `atMs` after the start with `downloaded` body bytes, `size` when Content-Length is known. */
export interface MeterSample {
  atMs: number
  downloaded: number
  size?: number
}

const KB = 1024
const MB = KB * 1024
const GB = MB * 1024
const CURR_TIME = 6

/** Returns curl's max5data: a byte count or speed in at most five characters. */
export function max5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5)
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`
  if (bytes < 10000 * MB) return `${String(Math.floor(bytes / MB)).padStart(4)}M`
  return `${String(Math.floor(bytes / GB)).padStart(4)}G`
}

/** Returns curl's time2str: `--:--:--` for zero, else `%2d:%02d:%02d`. */
export function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--'
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

function averageSpeed(sample: MeterSample): number {
  const us = sample.atMs * 1000
  return us < 1 ? sample.downloaded * 1000000 : Math.floor((sample.downloaded * 1000000) / us)
}

function currentSpeed(samples: readonly MeterSample[], k: number): number {
  if (k === 0) return averageSpeed(samples[0])
  const oldest = samples[Math.max(0, k - (CURR_TIME - 1))]
  const span = Math.max(1, samples[k].atMs - oldest.atMs)
  return Math.floor(((samples[k].downloaded - oldest.downloaded) * 1000) / span)
}

function percent(part: number, whole: number): number {
  if (whole > 10000) return Math.floor(part / Math.floor(whole / 100))
  return whole > 0 ? Math.floor((part * 100) / whole) : 0
}

/** Returns the `\r`-prefixed meter line of update `k` of `samples` (earlier samples feed the current speed). */
export function meterLine(samples: readonly MeterSample[], k: number): string {
  const sample = samples[k]
  const spent = Math.floor(sample.atMs / 1000)
  const speed = averageSpeed(sample)
  const known = sample.size !== undefined && speed > 0
  const estimate = known ? Math.floor((sample.size as number) / speed) : 0
  const received = known ? percent(sample.downloaded, sample.size as number) : 0
  const expected = sample.size ?? sample.downloaded
  const total = percent(sample.downloaded, expected)
  const left = time2str(estimate > 0 ? estimate - spent : 0)
  const pct = (n: number) => String(n).padStart(3)
  return `\r${pct(total)} ${max5(expected)}  ${pct(received)} ${max5(sample.downloaded)}  ${pct(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} ${time2str(estimate)} ${time2str(spent)} ${left} ${max5(currentSpeed(samples, k))}`
}

/** curl wakes up about every second; a tick at second s is shown only if it comes before `endMs`. */
export const TICK_LAG_MS = 10

/** Returns the whole seconds at which curl shows a waiting line between the start and `endMs`. */
export function tickSeconds(endMs: number): number[] {
  const ticks: number[] = []
  for (let s = 1; s * 1000 + TICK_LAG_MS < endMs; s++) ticks.push(s)
  return ticks
}
