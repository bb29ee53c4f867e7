// The shape of a `kubectl get` column, as the API server's table printers declare them
// (pkg/printers/internalversion): a header, whether it shows only with `-o wide` (priority 1), whether
// it carries the object's name (format "name", which --show-kind prefixes), and a pure cell function.
// Also the cell helpers several kinds share. No layout happens here: that is the engine's job.
import type {KubeObject} from '../../api/types.js'
import {age} from '../format/duration.js'

/** What a cell may depend on besides the object: the instant AGE and "ago" values are measured from. */
export interface CellContext {
  now: Date
}

/** One column of a kind's table. `header` is the column name as the server declares it; the engine upper-cases it. */
export interface Column<T extends KubeObject = KubeObject> {
  header: string
  /** Shown only with `-o wide` (server-side priority != 0). */
  wideOnly: boolean
  /** The column holding the object name (format "name"): `kind/name` under --show-kind. */
  isName?: boolean
  cell(obj: T, ctx: CellContext): string
}

/** The NAME column every printer starts with. */
export const nameColumn: Column = {header: 'Name', wideOnly: false, isName: true, cell: (obj) => obj.metadata.name ?? ''}

/** The AGE column: HumanDuration since metadata.creationTimestamp, `<unknown>` when unset. */
export const ageColumn: Column = {header: 'Age', wideOnly: false, cell: (obj, ctx) => age(obj.metadata.creationTimestamp, ctx.now)}

/** Returns the container names and images joined by `,` (printers.go layoutContainerCells). */
export function layoutContainerCells(containers: {name: string; image?: string}[] | undefined): {names: string; images: string} {
  const list = containers ?? []
  return {names: list.map((c) => c.name).join(','), images: list.map((c) => c.image ?? '').join(',')}
}

/** Returns a number as Go's fmt.Sprint prints an int, treating a missing value as 0. */
export function formatCount(value: number | undefined | null): string {
  return String(value ?? 0)
}
