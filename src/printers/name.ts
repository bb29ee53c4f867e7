// The `-o name` printer (cli-runtime's NamePrinter): one `<kind>[.<group>]/<name>` line per object, with
// the kind lower-cased and the API group taken from apiVersion (core objects have none), optionally
// followed by the operation word a mutating command reports (`created`, `scaled`, `labeled`, `deleted`).
// An empty result prints nothing at all. Pure text; the command decides which objects and which word.

/** The fields of an object the name printer reads. */
export interface NamedObject {
  apiVersion?: string
  kind?: string
  metadata?: {name?: string}
}

/** Returns the API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function groupOf(apiVersion: string | undefined): string {
  const slash = (apiVersion ?? '').lastIndexOf('/')
  return slash < 0 ? '' : apiVersion!.slice(0, slash)
}

/** Returns `<kind>[.<group>]/<name>` for one object, e.g. `pod/x` or `deployment.apps/x`. */
export function objectName(obj: NamedObject): string {
  const kind = (obj.kind ?? '').toLowerCase()
  const group = groupOf(obj.apiVersion)
  const name = obj.metadata?.name || '<unknown>' // kubectl's placeholder for an object without a name
  return group ? `${kind}.${group}/${name}` : `${kind}/${name}`
}

/** Returns the `-o name` lines for the objects, each followed by ` <operation>` when one is given. */
export function printName(objects: readonly NamedObject[], options: {operation?: string} = {}): string {
  const suffix = options.operation ? ` ${options.operation}` : ''
  return objects.map((obj) => `${objectName(obj)}${suffix}\n`).join('')
}
