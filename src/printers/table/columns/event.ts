// `kubectl get events` columns (printers.go printEvent): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE,
// and with `-o wide` also SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME (the event's own name, the
// column --show-kind prefixes). Timestamps fall back from lastTimestamp to firstTimestamp to
// eventTime; an event series reports its last observed time and count.
import type {Event} from '../../../api/types.js'
import {age} from '../../format/duration.js'
import {nameColumn} from '../column.js'
import type {CellContext, Column} from '../column.js'

/** The optional events.k8s.io-era fields a core/v1 Event may carry. */
interface EventExtras {
  series?: {count?: number; lastObservedTime?: string}
  reportingComponent?: string
  reportingInstance?: string
}

/** Returns FIRST SEEN: age of firstTimestamp, else of eventTime, else `<unknown>`. */
export function eventFirstSeen(event: Event, ctx: CellContext): string {
  return age(event.firstTimestamp || event.eventTime, ctx.now)
}

/** Returns LAST SEEN: age of the series' last observation, else of lastTimestamp, else FIRST SEEN. */
export function eventLastSeen(event: Event, ctx: CellContext): string {
  const series = (event as EventExtras).series
  if (series) return age(series.lastObservedTime, ctx.now)
  return event.lastTimestamp ? age(event.lastTimestamp, ctx.now) : eventFirstSeen(event, ctx)
}

/** Returns COUNT: the series count, else count, where 0 (a singleton in the new API) prints as 1. */
export function eventCount(event: Event): string {
  const series = (event as EventExtras).series
  if (series) return String(series.count ?? 0)
  return String(event.count || 1)
}

/** Returns SOURCE: `component[, host]`, falling back to reportingComponent / reportingInstance. */
export function eventSource(event: Event): string {
  const extras = event as EventExtras
  const component = event.source?.component || extras.reportingComponent || ''
  const instance = event.source?.host || extras.reportingInstance || ''
  return instance ? `${component}, ${instance}` : component
}

/** Returns OBJECT: `<lowercase kind>/<name>`, or just the kind when the name is empty. */
export function eventObject(event: Event): string {
  const kind = (event.involvedObject?.kind ?? '').toLowerCase()
  return event.involvedObject?.name ? `${kind}/${event.involvedObject.name}` : kind
}

/** The event table: LAST SEEN TYPE REASON OBJECT [SUBOBJECT SOURCE] MESSAGE [FIRST SEEN COUNT NAME]. */
export const eventColumns: Column<Event>[] = [
  {header: 'Last Seen', wideOnly: false, cell: eventLastSeen},
  {header: 'Type', wideOnly: false, cell: (event) => event.type ?? ''},
  {header: 'Reason', wideOnly: false, cell: (event) => event.reason ?? ''},
  {header: 'Object', wideOnly: false, cell: eventObject},
  {header: 'Subobject', wideOnly: true, cell: (event) => event.involvedObject?.fieldPath ?? ''},
  {header: 'Source', wideOnly: true, cell: eventSource},
  {header: 'Message', wideOnly: false, cell: (event) => (event.message ?? '').trim()},
  {header: 'First Seen', wideOnly: true, cell: eventFirstSeen},
  {header: 'Count', wideOnly: true, cell: eventCount},
  {...nameColumn, wideOnly: true},
]
