// `kubectl get replicationcontrollers` columns (printers.go printReplicationController): DESIRED,
// CURRENT, READY, AGE and the wide CONTAINERS, IMAGES and SELECTOR (the RC's plain label-map selector).
import type {ReplicationController} from '../../../api/types.js'
import {formatLabels} from '../../format/labels.js'
import {ageColumn, formatCount, layoutContainerCells, nameColumn} from '../column.js'
import type {Column} from '../column.js'

/** The replication controller table: NAME DESIRED CURRENT READY AGE [wide: CONTAINERS IMAGES SELECTOR]. */
export const replicationControllerColumns: Column<ReplicationController>[] = [
  nameColumn,
  {header: 'Desired', wideOnly: false, cell: (rc) => formatCount(rc.spec.replicas)},
  {header: 'Current', wideOnly: false, cell: (rc) => formatCount(rc.status?.replicas)},
  {header: 'Ready', wideOnly: false, cell: (rc) => formatCount(rc.status?.readyReplicas)},
  ageColumn,
  {header: 'Containers', wideOnly: true, cell: (rc) => layoutContainerCells(rc.spec.template?.spec.containers).names},
  {header: 'Images', wideOnly: true, cell: (rc) => layoutContainerCells(rc.spec.template?.spec.containers).images},
  {header: 'Selector', wideOnly: true, cell: (rc) => formatLabels(rc.spec.selector)},
]
