// `kubectl get nodes` columns (printers.go printNode): STATUS from the Ready condition (plus
// SchedulingDisabled when cordoned), ROLES from node-role.kubernetes.io/<role> and kubernetes.io/role
// labels, VERSION and the wide addresses and node info.
import type {Node} from '../../../api/types.js'
import {ageColumn, nameColumn} from '../column.js'
import type {Column} from '../column.js'

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/'
const ROLE_LABEL = 'kubernetes.io/role'

/** Returns the STATUS cell: Ready / NotReady / Unknown, with `,SchedulingDisabled` for unschedulable nodes. */
export function nodeStatus(node: Node): string {
  // The last condition of a type wins, as in printNode's condition map.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop()
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  return status.join(',')
}

/** Returns the ROLES cell: the sorted set of roles joined by `,`, or `<none>`. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>()
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX) && key.length > ROLE_LABEL_PREFIX.length) roles.add(key.slice(ROLE_LABEL_PREFIX.length))
    else if (key === ROLE_LABEL && value !== '') roles.add(value)
  }
  return roles.size > 0 ? [...roles].sort().join(',') : '<none>'
}

function address(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>'
}

function nodeInfo(node: Node, field: string): string {
  return node.status?.nodeInfo?.[field] || '<unknown>'
}

/** The node table: NAME STATUS ROLES AGE VERSION [wide: INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME]. */
export const nodeColumns: Column<Node>[] = [
  nameColumn,
  {header: 'Status', wideOnly: false, cell: nodeStatus},
  {header: 'Roles', wideOnly: false, cell: nodeRoles},
  ageColumn,
  {header: 'Version', wideOnly: false, cell: (node) => node.status?.nodeInfo?.kubeletVersion ?? ''},
  {header: 'Internal-IP', wideOnly: true, cell: (node) => address(node, 'InternalIP')},
  {header: 'External-IP', wideOnly: true, cell: (node) => address(node, 'ExternalIP')},
  {header: 'OS-Image', wideOnly: true, cell: (node) => nodeInfo(node, 'osImage')},
  {header: 'Kernel-Version', wideOnly: true, cell: (node) => nodeInfo(node, 'kernelVersion')},
  {header: 'Container-Runtime', wideOnly: true, cell: (node) => nodeInfo(node, 'containerRuntimeVersion')},
]
