// The table the API server's default table convertor builds for kinds without a printer: NAME and
// CREATED AT (metadata.creationTimestamp in UTC RFC 3339, seconds precision).
import type {KubeObject} from '../../../api/types.js'
import {nameColumn} from '../column.js'
import type {Column} from '../column.js'

/** Go's zero metav1.Time, which the default convertor formats when creationTimestamp is unset. */
const ZERO_TIME = '0001-01-01T00:00:00Z'

/** Returns a timestamp as Go's time.RFC3339 in UTC (no fractional seconds). */
export function formatRFC3339(timestamp: string | undefined): string {
  const t = timestamp ? Date.parse(timestamp) : Number.NaN
  if (Number.isNaN(t)) return ZERO_TIME
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The default table: NAME CREATED AT. */
export const defaultColumns: Column<KubeObject>[] = [
  nameColumn,
  {header: 'Created At', wideOnly: false, cell: (obj) => formatRFC3339(obj.metadata.creationTimestamp)},
]
