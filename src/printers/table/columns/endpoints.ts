// `kubectl get endpoints` columns (printers.go printEndpoints/formatEndpoints): ENDPOINTS lists
// `ip:port` for every ready address of every port (bare IPs for port-less subsets), at most three,
// then ` + N more...`. Not-ready addresses are not listed.
import type {Endpoints} from '../../../api/types.js'
import {ageColumn, nameColumn} from '../column.js'
import type {Column} from '../column.js'

const MAX_LISTED = 3

/** Returns host:port as Go's net.JoinHostPort writes it (IPv6 hosts in brackets). */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** Returns the ENDPOINTS cell: `<none>` without subsets, else up to three addresses and a "more" count. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const listed: string[] = []
  let count = 0
  for (const subset of subsets) {
    const addresses = subset.addresses ?? []
    // Headless services may have port-less subsets: their addresses print without a port.
    const ports = subset.ports && subset.ports.length > 0 ? subset.ports.map((p) => p.port) : [undefined]
    for (const port of ports) {
      count += addresses.length
      for (const address of addresses) {
        if (listed.length === MAX_LISTED) break
        listed.push(port === undefined ? address.ip : joinHostPort(address.ip, port))
      }
    }
  }
  const text = listed.join(',')
  return count > MAX_LISTED ? `${text} + ${count - MAX_LISTED} more...` : text
}

/** The endpoints table: NAME ENDPOINTS AGE. */
export const endpointsColumns: Column<Endpoints>[] = [
  nameColumn,
  {header: 'Endpoints', wideOnly: false, cell: formatEndpoints},
  ageColumn,
]
