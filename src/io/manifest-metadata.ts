// The type check kubectl's resource mapper makes on every object read from a manifest before it talks
// to a server: it decodes the object's metadata into Go's ObjectMeta, so `name: 5`, `metadata: x` or a
// label value of `1.0` (a number after YAML→JSON) fail with Go's encoding/json wording, e.g.
// `json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`.
// Go reports the first mismatch in sorted key order (sigs.k8s.io/yaml sorts keys when it writes JSON);
// null is accepted everywhere. Only ObjectMeta's typed fields are checked; unknown fields pass.
// Pure; throws nothing.

type FieldType = 'string' | 'int64' | 'map[string]string' | '[]string' | '[]v1.OwnerReference' | '[]v1.ManagedFieldsEntry'

const OBJECT_META_FIELDS: Record<string, FieldType> = {
  annotations: 'map[string]string',
  creationTimestamp: 'string',
  deletionGracePeriodSeconds: 'int64',
  deletionTimestamp: 'string',
  finalizers: '[]string',
  generateName: 'string',
  generation: 'int64',
  labels: 'map[string]string',
  managedFields: '[]v1.ManagedFieldsEntry',
  name: 'string',
  namespace: 'string',
  ownerReferences: '[]v1.OwnerReference',
  resourceVersion: 'string',
  selfLink: 'string',
  uid: 'string',
}

/**
 * Returns Go's decoding error for the object's metadata (without the `unable to decode` wrapper), or
 * undefined when it decodes. `path` prefixes the field path (`items.` for an item of a list).
 */
export function checkObjectMeta(object: Record<string, unknown>, path = ''): string | undefined {
  const metadata = object.metadata
  if (metadata === undefined || metadata === null) return undefined
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    return mismatch(metadata, `metadataOnlyObject.${path}metadata`, 'v1.ObjectMeta')
  }
  const fields = metadata as Record<string, unknown>
  for (const key of Object.keys(fields).sort()) {
    const type = OBJECT_META_FIELDS[key]
    if (type === undefined) continue
    const problem = checkField(fields[key], type, `ObjectMeta.${path}metadata.${key}`)
    if (problem) return problem
  }
  return undefined
}

/** Returns Go's error for one ObjectMeta field holding `value`, or undefined when it decodes. */
function checkField(value: unknown, type: FieldType, field: string): string | undefined {
  if (value === null) return undefined
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : mismatch(value, field, 'string')
    case 'int64':
      if (typeof value !== 'number') return mismatch(value, field, 'int64')
      return Number.isInteger(value) ? undefined : `json: cannot unmarshal number ${value} into Go struct field ${field} of type int64`
    case 'map[string]string':
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch(value, field, type)
      return firstProblem(sortedValues(value as Record<string, unknown>), (entry) =>
        entry === null || typeof entry === 'string' ? undefined : mismatch(entry, field, 'string'),
      )
    case '[]string':
      if (!Array.isArray(value)) return mismatch(value, field, type)
      return firstProblem(value, (entry) => (entry === null || typeof entry === 'string' ? undefined : mismatch(entry, field, 'string')))
    default:
      return Array.isArray(value) ? undefined : mismatch(value, field, type)
  }
}

/** Returns encoding/json's UnmarshalTypeError text. */
function mismatch(value: unknown, field: string, goType: string): string {
  return `json: cannot unmarshal ${jsonType(value)} into Go struct field ${field} of type ${goType}`
}

/** Returns the JSON type name Go uses in decoding errors. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'string') return 'string'
  return 'object'
}

function sortedValues(map: Record<string, unknown>): unknown[] {
  return Object.keys(map)
    .sort()
    .map((key) => map[key])
}

function firstProblem(values: unknown[], check: (value: unknown) => string | undefined): string | undefined {
  for (const value of values) {
    const problem = check(value)
    if (problem) return problem
  }
  return undefined
}
