// `kubectl get deployments` columns (printers.go printDeployment): READY as ready/desired, UP-TO-DATE,
// AVAILABLE, AGE and the wide CONTAINERS, IMAGES, SELECTOR. Unlike ReplicaSets, the selector is the
// bare Selector.String() (empty, not `<none>`, for an empty selector; `<invalid>` when it cannot parse).
import type {KubeObject, PodTemplateSpec} from '../../../api/types.js'
import {labelSelectorString} from '../../format/labels.js'
import type {LabelSelector} from '../../format/labels.js'
import {ageColumn, formatCount, layoutContainerCells, nameColumn} from '../column.js'
import type {Column} from '../column.js'

/** The fields of an apps/v1 Deployment that its table reads. */
export interface DeploymentLike extends KubeObject {
  spec: {replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec}
  status?: {updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number}
}

/** The deployment table: NAME READY UP-TO-DATE AVAILABLE AGE [wide: CONTAINERS IMAGES SELECTOR]. */
export const deploymentColumns: Column<DeploymentLike>[] = [
  nameColumn,
  {header: 'Ready', wideOnly: false, cell: (d) => `${formatCount(d.status?.readyReplicas)}/${formatCount(d.spec.replicas)}`},
  {header: 'Up-to-date', wideOnly: false, cell: (d) => formatCount(d.status?.updatedReplicas)},
  {header: 'Available', wideOnly: false, cell: (d) => formatCount(d.status?.availableReplicas)},
  ageColumn,
  {header: 'Containers', wideOnly: true, cell: (d) => layoutContainerCells(d.spec.template?.spec.containers).names},
  {header: 'Images', wideOnly: true, cell: (d) => layoutContainerCells(d.spec.template?.spec.containers).images},
  {header: 'Selector', wideOnly: true, cell: (d) => labelSelectorString(d.spec.selector) ?? '<invalid>'},
]
