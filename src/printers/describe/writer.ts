// The describe writer and the sections every describer shares. PrefixWriter mirrors kubectl's: each write
// is prefixed with two spaces per level, and the whole text goes through the describe tabwriter (minwidth 0,
// padding 2) so that `key:\tvalue` lines align per block; flush() closes a layout, as the Events table does.
// The shared sections are kubectl's printLabelsMultiline, printAnnotationsMultiline, tolerations, taints,
// DescribeEvents and RFC1123Z times, plus how several descriptions are joined. Pure: time comes from ctx.now.
import type {Event, Toleration} from '../../api/types.js'
import {DESCRIBE_TABWRITER, formatTabbed} from '../../util/tabwriter.js'
import {age} from '../format/duration.js'

/** What every describer needs besides the objects: the instant ages are measured from. */
export interface DescribeContext {
  now: Date
}

/** Accumulates describe text at indentation levels and lays it out with the describe tabwriter. */
export class PrefixWriter {
  private done = ''
  private pending = ''

  /** Appends `text` prefixed with two spaces per level (kubectl's Write(level, …)). */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text
  }

  /** Lays out everything written so far on its own, so later lines do not align with it (tabwriter Flush). */
  flush(): void {
    this.done += formatTabbed(this.pending, DESCRIBE_TABWRITER)
    this.pending = ''
  }

  /** Returns the laid-out text. */
  toString(): string {
    return this.done + formatTabbed(this.pending, DESCRIBE_TABWRITER)
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Returns an RFC 3339 timestamp in Go's time.RFC1123Z layout in local time; unset → Go's zero time. */
export function formatTime(timestamp: string | undefined | null): string {
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(timestamp)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const offset = -d.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const zone = `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`
  return `${WEEKDAYS[d.getDay()]}, ${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`
}

/** Returns `k=v,k2=v2` or `<none>` (labels.FormatLabels, which sorts the joined `k=v` strings, not the keys). */
export function formatLabelMap(labels: Record<string, string> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).sort(compare)
  return pairs.length === 0 ? '<none>' : pairs.join(',')
}

/** Writes `title:` and one sorted `k=v` per line, continuation lines aligned under the first (printLabelsMultiline). */
export function writeLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return w.write(0, '<none>\n')
  keys.forEach((key, i) => w.write(0, `${i === 0 ? '' : '\t'}${key}=${labels![key]}\n`))
}

const MAX_ANNOTATION_LENGTH = 140
// kubectl never shows the client-side apply bookkeeping annotation.
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

/** Writes annotations as `k: v` lines; long or multi-line values go on their own lines (printAnnotationsMultiline). */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort()
  if (keys.length === 0) return w.write(0, '<none>\n')
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t')
    const value = annotations![key].replace(/\n$/, '')
    // Go measures these lengths in bytes.
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.write(0, `${key}:\n`)
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LENGTH - 2)}\n`)
    } else {
      w.write(0, `${key}: ${value}\n`)
    }
  })
}

const utf8 = new TextEncoder()

function byteLength(s: string): number {
  return utf8.encode(s).length
}

function shorten(s: string, max: number): string {
  const bytes = utf8.encode(s)
  return bytes.length > max ? new TextDecoder().decode(bytes.subarray(0, max)) + '...' : s
}

/** Writes tolerations sorted by key as `key=value:effect op=Exists for 300s` (printPodTolerationsMultiline). */
export function writeTolerations(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(0, `${title}:\t`)
  const sorted = [...(tolerations ?? [])].sort((a, b) => compare(a.key ?? '', b.key ?? ''))
  if (sorted.length === 0) return w.write(0, '<none>\n')
  sorted.forEach((t, i) => {
    let text = (i === 0 ? '' : '\t') + (t.key ?? '')
    if (t.value) text += `=${t.value}`
    if (t.effect) text += `:${t.effect}`
    // An Exists toleration without key and effect tolerates everything: no leading space then.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`
    w.write(0, text + '\n')
  })
}

/** A node taint as the API stores it. */
export interface Taint {
  key: string
  value?: string
  effect: string
}

/** Writes taints sorted by effect then key, each as Taint.ToString() (`key=value:effect`). */
export function writeTaints(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`)
  const sorted = [...(taints ?? [])].sort((a, b) => compare(`${a.effect},${a.key}`, `${b.effect},${b.key}`))
  if (sorted.length === 0) return w.write(0, '<none>\n')
  sorted.forEach((t, i) => {
    let text = t.key
    if (t.value) text += `=${t.value}`
    if (t.effect || t.value) text += `:${t.effect ?? ''}`
    w.write(0, `${i === 0 ? '' : '\t'}${text}\n`)
  })
}

/** Writes the Events section: `Events:\t<none>`, or a table sorted by lastTimestamp (DescribeEvents). */
export function writeEvents(w: PrefixWriter, events: Event[], now: Date): void {
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n')
  w.flush()
  // Array.prototype.sort is stable, which matches Go's insertion sort for the short lists describe sees.
  const sorted = [...events].sort((a, b) => time(a.lastTimestamp) - time(b.lastTimestamp))
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now)
    const interval = e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first
    // core/v1 Event.ReportingController is serialized as `reportingComponent`.
    const source = e.source?.component || e.reportingComponent || ''
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`)
  }
}

/**
 * Returns several describe texts as `kubectl describe TYPE [NAME…|-l …]` prints them: each text already ends
 * in `\n` and they are separated by `\n\n`, i.e. two blank lines between objects.
 */
export function joinDescriptions(texts: string[]): string {
  return texts.join('\n\n')
}

/**
 * Returns the texts as printed when `kubectl describe TYPE NAME` found no object NAME and fell back to every
 * object whose name starts with NAME: each text is followed by one extra `\n` (one blank line between, one at the end).
 */
export function joinPrefixMatchDescriptions(texts: string[]): string {
  return texts.map((t) => t + '\n').join('')
}

/** Returns the `Kind/name` of the controlling owner reference, or '' (printController). */
export function controllerOf(meta: {ownerReferences?: {kind: string; name: string; controller?: boolean}[]}): string {
  const ref = meta.ownerReferences?.find((r) => r.controller)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

function time(timestamp: string | undefined | null): number {
  const t = timestamp ? Date.parse(timestamp) : NaN
  return Number.isNaN(t) ? -Infinity : t
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
