// Strict decoding as the apiserver does it for a create with fieldValidation=Strict (kubectl's
// default): walks a manifest against the known-field schema in the order the decoder sees it (kubectl
// sends JSON with sorted keys), reports the first JSON type mismatch in encoding/json's words
// (`json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort
// of type int32`), else every unknown field (`spec.containers[0].foo`), wrapped into the BadRequest
// `Pod in version "v1" cannot be handled as a Pod: …`.

import {StatusError} from '../errors.js'
import {goQuote} from '../validation/go-format.js'
import './apps.js'
import {parseQuantity, QUANTITY_FORMAT_ERROR} from './quantity.js'
import {goTypeName, structDef, type FieldType} from './types.js'

/** The schema root struct per `apiVersion/kind`. */
export const KIND_SCHEMAS: Record<string, string> = {
  'v1/Pod': 'Pod',
  'v1/Service': 'Service',
  'v1/ReplicationController': 'ReplicationController',
  'v1/Namespace': 'Namespace',
  'apps/v1/Deployment': 'Deployment',
  'apps/v1/ReplicaSet': 'ReplicaSet',
}

interface Walk {
  unknown: string[]
  typeError?: string
}

interface Context {
  struct: string
  stack: string[]
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'boolean') return 'bool'
  return typeof v === 'object' ? 'object' : typeof v
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function setTypeError(w: Walk, ctx: Context, value: string, t: FieldType): void {
  w.typeError ??= `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.stack.join('.')} of type ${goTypeName(t)}`
}

function checkInt(v: unknown, t: FieldType & {kind: 'int'}, w: Walk, ctx: Context): void {
  if (typeof v !== 'number') return setTypeError(w, ctx, jsonKind(v), t)
  const max = t.go === 'int32' ? 2 ** 31 : 2 ** 63
  if (!Number.isInteger(v) || v < -max || v >= max) setTypeError(w, ctx, `number ${String(v)}`, t)
}

function checkIntOrString(v: unknown, w: Walk): void {
  if (typeof v === 'string') return
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) w.typeError ??= `json: cannot unmarshal number ${String(v)} into Go value of type int32`
    return
  }
  w.typeError ??= `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`
}

function checkQuantity(v: unknown, w: Walk): void {
  if (typeof v !== 'string' && typeof v !== 'number') {
    w.typeError ??= QUANTITY_FORMAT_ERROR
    return
  }
  const q = parseQuantity(String(v))
  if (typeof q === 'string') w.typeError ??= q
}

function walkStruct(obj: unknown, name: string, path: string, w: Walk, ctx: Context, t: FieldType): void {
  if (!isPlainObject(obj)) return setTypeError(w, ctx, jsonKind(obj), t)
  const def = structDef(name)
  for (const key of Object.keys(obj).sort()) {
    const fieldPath = path ? `${path}.${key}` : key
    const ft = def.fields[key]
    if (!Object.prototype.hasOwnProperty.call(def.fields, key)) w.unknown.push(fieldPath)
    else walkValue(obj[key], ft, fieldPath, w, {struct: def.name, stack: [...ctx.stack, key]})
  }
}

function walkValue(v: unknown, t: FieldType, path: string, w: Walk, ctx: Context): void {
  if (v === null || v === undefined) return // null leaves any Go value unchanged
  switch (t.kind) {
    case 'string':
      if (typeof v !== 'string') setTypeError(w, ctx, jsonKind(v), t)
      return
    case 'bool':
      if (typeof v !== 'boolean') setTypeError(w, ctx, jsonKind(v), t)
      return
    case 'int':
      return checkInt(v, t, w, ctx)
    case 'intOrString':
      return checkIntOrString(v, w)
    case 'quantity':
      return checkQuantity(v, w)
    case 'time':
      if (typeof v !== 'string') w.typeError ??= `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`
      return
    case 'any':
      return
    case 'opaque':
      if (!isPlainObject(v)) setTypeError(w, ctx, jsonKind(v), t)
      return
    case 'struct':
      return walkStruct(v, t.name, path, w, ctx, t)
    case 'slice':
      if (!Array.isArray(v)) return setTypeError(w, ctx, jsonKind(v), t)
      v.forEach((item, i) => walkValue(item, t.elem, `${path}[${i}]`, w, ctx))
      return
    case 'map':
      if (!isPlainObject(v)) return setTypeError(w, ctx, jsonKind(v), t)
      for (const key of Object.keys(v).sort()) walkValue(v[key], t.elem, `${path}[${key}]`, w, ctx)
  }
}

function walkObject(obj: Record<string, unknown>): Walk | undefined {
  const root = KIND_SCHEMAS[`${obj.apiVersion}/${obj.kind}`]
  if (!root) return undefined
  const w: Walk = {unknown: []}
  walkStruct(obj, root, '', w, {struct: root, stack: []}, {kind: 'struct', name: root})
  return w
}

/** Returns the unknown field paths of a manifest (`spec.foo`, `spec.containers[0].bar`), in decode order. */
export function findUnknownFields(obj: Record<string, unknown>): string[] {
  return walkObject(obj)?.unknown ?? []
}

/** Returns the decoder's type-mismatch error text for a manifest, if any. */
export function findDecodeError(obj: Record<string, unknown>): string | undefined {
  return walkObject(obj)?.typeError
}

function versionOf(apiVersion: string): string {
  return apiVersion.split('/').pop() ?? apiVersion
}

/** Returns the BadRequest for a manifest the decoder rejects: `<Kind> in version "<v>" cannot be handled as a <Kind>: <reason>`. */
export function decodeError(kind: string, apiVersion: string, reason: string): StatusError {
  return new StatusError('BadRequest', `${kind} in version ${goQuote(versionOf(apiVersion))} cannot be handled as a ${kind}: ${reason}`)
}

/** Returns the BadRequest listing unknown fields: `… strict decoding error: unknown field "spec.foo", …`. */
export function strictDecodingError(kind: string, apiVersion: string, fields: readonly string[]): StatusError {
  return decodeError(kind, apiVersion, `strict decoding error: ${fields.map((f) => `unknown field ${goQuote(f)}`).join(', ')}`)
}

/** Throws the apiserver's BadRequest when a manifest has a type mismatch or unknown fields. */
export function strictDecode(obj: Record<string, unknown>): void {
  const w = walkObject(obj)
  if (!w) return
  const kind = String(obj.kind)
  const apiVersion = String(obj.apiVersion)
  if (w.typeError) throw decodeError(kind, apiVersion, w.typeError)
  if (w.unknown.length > 0) throw strictDecodingError(kind, apiVersion, w.unknown)
}
