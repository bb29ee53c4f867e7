// The data model of kbe's known-field schemas: each API struct is an ordered list of JSON field names
// with their types, in Go struct order, plus the Go type name the decoder's error texts use
// (`v1.PodSpec`, `[]v1.Container`, `map[string]string`, `v1.Protocol`). The schemas themselves are
// data in meta.ts, pod.ts, core.ts and apps.ts; decode.ts and order.ts interpret them.

export type FieldType =
  | {kind: 'string'; go: string}
  | {kind: 'int'; go: 'int32' | 'int64'}
  | {kind: 'bool'}
  | {kind: 'struct'; name: string}
  | {kind: 'slice'; elem: FieldType}
  | {kind: 'map'; elem: FieldType; go: string}
  | {kind: 'intOrString'}
  | {kind: 'quantity'}
  | {kind: 'time'}
  /** A JSON object kbe does not describe field by field (accepted as is). */
  | {kind: 'opaque'; go: string}
  /** Any JSON value. */
  | {kind: 'any'; go: string}

export interface StructDef {
  /** The Go type name without package, e.g. `PodSpec` (used as `Go struct field PodSpec.…`). */
  name: string
  /** The Go package name as reflect prints it: `v1` for core, meta and apps, `core` for internal. */
  pkg: string
  /** JSON field name → type, in Go struct (= canonical serialization) order. */
  fields: Record<string, FieldType>
}

/** A string field of Go type `go` (e.g. `v1.Protocol` for a named string type). */
export const str = (go = 'string'): FieldType => ({kind: 'string', go})
export const S = str()
export const I32: FieldType = {kind: 'int', go: 'int32'}
export const I64: FieldType = {kind: 'int', go: 'int64'}
export const B: FieldType = {kind: 'bool'}
export const IOS: FieldType = {kind: 'intOrString'}
export const Q: FieldType = {kind: 'quantity'}
export const T: FieldType = {kind: 'time'}
/** A nested struct by name. */
export const st = (name: string): FieldType => ({kind: 'struct', name})
/** A list of `elem`. */
export const sl = (elem: FieldType): FieldType => ({kind: 'slice', elem})
/** A map with string keys (Go type `go`, default `map[string]string`). */
export const mp = (elem: FieldType = S, go = 'map[string]string'): FieldType => ({kind: 'map', elem, go})
/** An object accepted without field checks. */
export const opaque = (go: string): FieldType => ({kind: 'opaque', go})
/** Any value accepted without checks. */
export const anyValue = (go = 'interface {}'): FieldType => ({kind: 'any', go})
/** A v1.ResourceList (map of quantities). */
export const RESOURCE_LIST = mp(Q, 'v1.ResourceList')

const registry = new Map<string, StructDef>()

/** Registers struct definitions (each module of schema data calls this once). */
export function defineStructs(pkg: string, defs: Record<string, Record<string, FieldType>>): void {
  for (const [name, fields] of Object.entries(defs)) registry.set(name, {name, pkg, fields})
}

/** Returns a registered struct; throws for a name no schema module defined (a bug in the data). */
export function structDef(name: string): StructDef {
  const def = registry.get(name)
  if (!def) throw new Error(`schema: unknown struct ${name}`)
  return def
}

/** Returns the Go type name of a field type, as reflect.Type.String() prints it. */
export function goTypeName(t: FieldType): string {
  switch (t.kind) {
    case 'string': case 'map': case 'opaque': case 'any': case 'int':
      return t.go
    case 'bool':
      return 'bool'
    case 'struct': {
      const def = structDef(t.name)
      return `${def.pkg}.${def.name}`
    }
    case 'slice':
      return `[]${goTypeName(t.elem)}`
    case 'intOrString':
      return 'intstr.IntOrString'
    case 'quantity':
      return 'resource.Quantity'
    case 'time':
      return 'v1.Time'
  }
}
