// `kubectl get namespaces` columns (printers.go printNamespace): STATUS is status.phase.
import type {Namespace} from '../../../api/types.js'
import {ageColumn, nameColumn} from '../column.js'
import type {Column} from '../column.js'

/** The namespace table: NAME STATUS AGE. */
export const namespaceColumns: Column<Namespace>[] = [
  nameColumn,
  {header: 'Status', wideOnly: false, cell: (ns) => ns.status?.phase ?? ''},
  ageColumn,
]
