// `kubectl get replicasets` columns (printers.go printReplicaSet): like replication controllers, but
// the SELECTOR is a set-based metav1.LabelSelector printed with FormatLabelSelector.
import type {KubeObject, PodTemplateSpec} from '../../../api/types.js'
import {formatLabelSelector} from '../../format/labels.js'
import type {LabelSelector} from '../../format/labels.js'
import {ageColumn, formatCount, layoutContainerCells, nameColumn} from '../column.js'
import type {Column} from '../column.js'

/** The fields of an apps/v1 ReplicaSet that its table reads. */
export interface ReplicaSetLike extends KubeObject {
  spec: {replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec}
  status?: {replicas?: number; readyReplicas?: number}
}

/** The replica set table: NAME DESIRED CURRENT READY AGE [wide: CONTAINERS IMAGES SELECTOR]. */
export const replicaSetColumns: Column<ReplicaSetLike>[] = [
  nameColumn,
  {header: 'Desired', wideOnly: false, cell: (rs) => formatCount(rs.spec.replicas)},
  {header: 'Current', wideOnly: false, cell: (rs) => formatCount(rs.status?.replicas)},
  {header: 'Ready', wideOnly: false, cell: (rs) => formatCount(rs.status?.readyReplicas)},
  ageColumn,
  {header: 'Containers', wideOnly: true, cell: (rs) => layoutContainerCells(rs.spec.template?.spec.containers).names},
  {header: 'Images', wideOnly: true, cell: (rs) => layoutContainerCells(rs.spec.template?.spec.containers).images},
  {header: 'Selector', wideOnly: true, cell: (rs) => formatLabelSelector(rs.spec.selector)},
]
