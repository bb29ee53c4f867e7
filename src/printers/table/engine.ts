// The `kubectl get` table engine: turns groups of objects (one group per resource type, in request
// order) into kubectl's human-readable text. It owns everything kubectl does client-side
// (cli-runtime's tableprinter decorateTable/printTable and get.go's group handling): wide filtering,
// upper-cased headers, the NAMESPACE column for -A, `kind/name` names, -L and --show-labels columns,
// cell sanitising, one tabwriter block per group and the blank line between groups. It keeps the
// objects' order (the caller sorts) and never prints "No resources found" (the caller does).
import type {KubeObject} from '../../api/types.js'
import {formatTabbed, GET_TABWRITER} from '../../util/tabwriter.js'
import {formatLabels} from '../format/labels.js'
import type {Column} from './column.js'
import {columnsForKind} from './registry.js'

/** The objects of one resource type. */
export interface TableGroup {
  /** The object kind, e.g. `Pod`, `Deployment`. */
  kind: string
  /** The API group: '' for core, `apps`, … */
  group: string
  /** False for cluster-scoped kinds (nodes, namespaces): no NAMESPACE column under -A unless a namespaced group came earlier. */
  namespaced: boolean
  objects: KubeObject[]
}

/** The flags of `kubectl get` that shape a table. */
export interface TableOptions {
  now: Date
  wide: boolean
  noHeaders: boolean
  showLabels: boolean
  /** `-L` label keys, in order. */
  labelColumns: string[]
  allNamespaces: boolean
  /** Print NAME as `kind[.group]/name` (--show-kind, or several types requested). */
  showKind: boolean
}

/** Returns a string cell as kubectl's printTable writes it: cut at the first \f, \n or \r (then `...`), ESC escaped. */
export function sanitizeCell(value: string): string {
  const cut = value.search(/[\f\n\r]/)
  const text = cut >= 0 ? value.slice(0, cut) + '...' : value
  // printers.WriteEscaped replaces ESC with "^[" to block terminal escape injection.
  return text.replaceAll('\x1b', '^[')
}

/** Returns the header of a `-L` column: the upper-cased last `/` segment of the label key. */
export function labelColumnHeader(key: string): string {
  const segments = key.split('/')
  return segments[segments.length - 1].toUpperCase()
}

/** Returns the `kind[.group]` prefix --show-kind puts before names, e.g. `pod`, `deployment.apps`. */
export function kindPrefix(kind: string, group: string): string {
  return (group ? `${kind}.${group}` : kind).toLowerCase()
}

/** Returns the header cells of a group, in decorateTable's order: NAMESPACE, columns, -L, LABELS. */
function headerCells(columns: readonly Column[], withNamespace: boolean, options: TableOptions): string[] {
  return [
    ...(withNamespace ? ['NAMESPACE'] : []),
    ...columns.map((c) => c.header.toUpperCase()),
    ...options.labelColumns.map(labelColumnHeader),
    ...(options.showLabels ? ['LABELS'] : []),
  ]
}

/** Returns the cells of one object's row, before sanitising. */
function rowCells(obj: KubeObject, columns: readonly Column[], withNamespace: boolean, prefix: string | undefined, options: TableOptions): string[] {
  const ctx = {now: options.now}
  const labels = obj.metadata.labels ?? {}
  return [
    ...(withNamespace ? [obj.metadata.namespace ?? ''] : []),
    ...columns.map((c) => (c.isName && prefix ? `${prefix}/${c.cell(obj, ctx)}` : c.cell(obj, ctx))),
    // A -L column shows the label's value, or an empty (still padded) cell when the label is absent.
    ...options.labelColumns.map((key) => (Object.hasOwn(labels, key) ? labels[key] : '')),
    ...(options.showLabels ? [formatLabels(labels)] : []),
  ]
}

/** Returns one group's table text, tab-aligned; '' when the group has no objects. */
function printGroup(group: TableGroup, withNamespace: boolean, options: TableOptions): string {
  if (group.objects.length === 0) return ''
  const columns = columnsForKind(group.kind).filter((c) => options.wide || !c.wideOnly)
  const prefix = options.showKind ? kindPrefix(group.kind, group.group) : undefined
  const lines: string[][] = []
  if (!options.noHeaders) lines.push(headerCells(columns, withNamespace, options))
  for (const obj of group.objects) lines.push(rowCells(obj, columns, withNamespace, prefix, options).map(sanitizeCell))
  return formatTabbed(lines.map((cells) => cells.join('\t') + '\n').join(''), GET_TABWRITER)
}

/**
 * Returns the `kubectl get` output for several groups (pass every requested type, empty ones too):
 * each tab-aligned on its own, empty ones omitted, separated by one blank line when headers are on.
 */
export function printTables(groups: TableGroup[], options: TableOptions): string {
  const printed: string[] = []
  let withNamespace = false
  for (const group of groups) {
    // kubectl quirk (VERIFIED): get.go turns the namespace column on in printer flags that all later
    // groups share, so under -A a cluster-scoped group that follows a namespaced one (even an empty
    // one) still gets a NAMESPACE column, with empty cells; one that comes first does not.
    withNamespace ||= options.allNamespaces && group.namespaced
    const text = printGroup(group, withNamespace, options)
    if (text !== '') printed.push(text)
  }
  // get.go's separator writer: a blank line before a group only when headers are printed.
  return printed.join(options.noHeaders ? '' : '\n')
}
