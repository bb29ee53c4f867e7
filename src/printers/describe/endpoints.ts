// `kubectl describe endpoints` (kubectl's describeEndpoints): per subset the ready and not-ready addresses
// and a Name/Port/Protocol table, each subset followed by a blank line, then events. Pure formatting.
import type {Endpoints, Event} from '../../api/types.js'
import {PrefixWriter, writeAnnotations, writeEvents, writeLabels, type DescribeContext} from './writer.js'

/** Returns the full `kubectl describe endpoints` text for `ep`. */
export function describeEndpoints(ep: Endpoints, related: {events: Event[]}, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${ep.metadata.name ?? ''}\n`)
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', ep.metadata.labels)
  writeAnnotations(w, 'Annotations', ep.metadata.annotations)
  w.write(0, 'Subsets:\n')
  for (const subset of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    w.write(1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    const ports = subset.ports ?? []
    if (ports.length > 0) {
      w.write(1, 'Ports:\n')
      w.write(2, 'Name\tPort\tProtocol\n')
      w.write(2, '----\t----\t--------\n')
      for (const p of ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`)
    }
    w.write(0, '\n')
  }
  writeEvents(w, related.events, ctx.now)
  return w.toString()
}
