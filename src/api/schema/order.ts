// Canonical field order: rebuilds an object so that its keys follow the Go struct order of its
// schema (apiVersion, kind, metadata, spec, status; within a container name, image, …) and map keys
// are sorted, which is how the apiserver serializes objects. Keys the schema does not know keep their
// relative order after the known ones. Pure: returns a new object.

import './apps.js'
import {KIND_SCHEMAS} from './decode.js'
import {structDef, type FieldType} from './types.js'

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function orderValue(v: unknown, t: FieldType): unknown {
  if (v === null || v === undefined) return v
  switch (t.kind) {
    case 'struct':
      return isPlainObject(v) ? orderStruct(v, t.name) : v
    case 'slice':
      return Array.isArray(v) ? v.map((item) => orderValue(item, t.elem)) : v
    case 'map': {
      if (!isPlainObject(v)) return v
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) out[k] = orderValue(v[k], t.elem)
      return out
    }
    default:
      return v
  }
}

function orderStruct(obj: Record<string, unknown>, name: string, leading: readonly string[] = []): Record<string, unknown> {
  const fields = structDef(name).fields
  const out: Record<string, unknown> = {}
  for (const k of leading) if (k in obj) out[k] = obj[k]
  for (const [k, t] of Object.entries(fields)) {
    if (k in obj && !(k in out)) out[k] = orderValue(obj[k], t)
  }
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k]
  return out
}

/** Returns the object with its fields in canonical order (apiVersion first); unknown kinds are returned as is. */
export function orderFields<T extends {apiVersion?: unknown; kind?: unknown}>(obj: T): T {
  const root = KIND_SCHEMAS[`${String(obj.apiVersion)}/${String(obj.kind)}`]
  if (!root) return obj
  return orderStruct(obj as Record<string, unknown>, root, ['apiVersion', 'kind']) as T
}
