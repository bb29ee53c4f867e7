// `kubectl get services` columns (printers.go printService): TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S),
// AGE and the wide SELECTOR. The API server always renders its tables as "wide", so load-balancer
// addresses are never clipped to 16 characters in `get` output (pkg/printers/storage builds the table
// with GenerateOptions{Wide: true}).
import type {Service, ServicePort} from '../../../api/types.js'
import {formatLabels} from '../../format/labels.js'
import {ageColumn, nameColumn} from '../column.js'
import type {Column} from '../column.js'

/** Returns the load balancer's ingress IPs (or hostnames), de-duplicated, joined by `,`. */
function loadBalancerAddresses(service: Service): string[] {
  const seen = new Set<string>()
  for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
    // An ingress entry contributes its IP, or its hostname when it has no IP.
    const address = ingress.ip || ingress.hostname
    if (address) seen.add(address)
  }
  return [...seen]
}

/** Returns the EXTERNAL-IP cell (printers.go getServiceExternalIP). */
export function serviceExternalIP(service: Service): string {
  const externalIPs = service.spec.externalIPs ?? []
  switch (service.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const addresses = [...loadBalancerAddresses(service), ...externalIPs]
      return addresses.length > 0 ? addresses.join(',') : '<pending>'
    }
    case 'ExternalName':
      return service.spec.externalName ?? ''
    default:
      return '<unknown>'
  }
}

/** Returns the PORT(S) cell: `port/proto` or `port:nodePort/proto` per port, joined by `,`; `<none>` without ports. */
export function servicePorts(ports: ServicePort[] | undefined): string {
  const pieces = (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
  return pieces.length > 0 ? pieces.join(',') : '<none>'
}

/** The service table: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE [wide: SELECTOR]. */
export const serviceColumns: Column<Service>[] = [
  nameColumn,
  {header: 'Type', wideOnly: false, cell: (svc) => svc.spec.type ?? ''},
  // The API server fills clusterIPs from clusterIP; the fallback only covers objects stored without it.
  {header: 'Cluster-IP', wideOnly: false, cell: (svc) => svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>'},
  {header: 'External-IP', wideOnly: false, cell: serviceExternalIP},
  {header: 'Port(s)', wideOnly: false, cell: (svc) => servicePorts(svc.spec.ports)},
  ageColumn,
  {header: 'Selector', wideOnly: true, cell: (svc) => formatLabels(svc.spec.selector)},
]
