// Which columns each kind prints with: the API server's printer registrations (printers.go
// AddHandlers) for the kinds kbe simulates, and the default NAME/CREATED AT table for the rest.
// Lookup is by kind; kbe has one printer per kind.
import type {KubeObject} from '../../api/types.js'
import type {Column} from './column.js'
import {defaultColumns} from './columns/default.js'
import {deploymentColumns} from './columns/deployment.js'
import {endpointsColumns} from './columns/endpoints.js'
import {eventColumns} from './columns/event.js'
import {namespaceColumns} from './columns/namespace.js'
import {nodeColumns} from './columns/node.js'
import {podColumns} from './columns/pod.js'
import {replicaSetColumns} from './columns/replica-set.js'
import {replicationControllerColumns} from './columns/replication-controller.js'
import {serviceColumns} from './columns/service.js'

/** The column set of every kind that has a printer, keyed by kind. */
export const COLUMNS_BY_KIND: Readonly<Record<string, readonly Column<KubeObject>[]>> = {
  Pod: podColumns as Column<KubeObject>[],
  Service: serviceColumns as Column<KubeObject>[],
  ReplicationController: replicationControllerColumns as Column<KubeObject>[],
  ReplicaSet: replicaSetColumns as Column<KubeObject>[],
  Deployment: deploymentColumns as Column<KubeObject>[],
  Endpoints: endpointsColumns as Column<KubeObject>[],
  Namespace: namespaceColumns as Column<KubeObject>[],
  Node: nodeColumns as Column<KubeObject>[],
  Event: eventColumns as Column<KubeObject>[],
}

/** Returns the columns a kind prints with, or the default NAME/CREATED AT columns when it has no printer. */
export function columnsForKind(kind: string): readonly Column<KubeObject>[] {
  return Object.hasOwn(COLUMNS_BY_KIND, kind) ? COLUMNS_BY_KIND[kind] : defaultColumns
}
