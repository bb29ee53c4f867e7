// The checks kubectl makes on every object read from a manifest before it talks to a server. First the
// client-side validation of the type information (pkg/validation getObjectKind: `apiVersion not set`,
// `kind isn't string type`, `invalid object to validate`…), which stops reading the source. Then the
// resource mapper decodes the metadata into Go's ObjectMeta, so `name: 5`, `metadata: x` or a label value
// of `1.0` (a number after YAML→JSON) fail with Go's encoding/json wording, e.g. `json: cannot unmarshal
// number into Go struct field ObjectMeta.metadata.labels of type string`; Go reports the first mismatch
// in sorted key order (sigs.k8s.io/yaml sorts keys when it writes JSON) and accepts null everywhere.
// Only ObjectMeta's typed fields are checked; unknown fields pass. Pure; throws nothing.

/**
 * Returns kubectl's client-side validation complaints about a document's type information
 * (pkg/validation getObjectKind); for a `v1` `List` every item is checked the same way.
 */
export function validateObjectKind(value: unknown): string[] {
  const problems = checkTypeMeta(value)
  if (problems.length > 0) return problems
  const object = value as Record<string, unknown>
  if (object.apiVersion !== 'v1' || object.kind !== 'List') return []
  if (!Array.isArray(object.items)) return ['invalid object to validate']
  return object.items.flatMap((item) => checkTypeMeta(item))
}

/** Returns the apiVersion/kind complaints about one object. */
function checkTypeMeta(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['invalid object to validate']
  const {apiVersion, kind} = value as Record<string, unknown>
  const problems: string[] = []
  if (apiVersion === undefined || apiVersion === null) problems.push('apiVersion not set')
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type")
  else if (apiVersion !== '/' && apiVersion.split('/').length > 2) problems.push(`unexpected GroupVersion string: ${apiVersion}`)
  if (kind === undefined || kind === null) problems.push('kind not set')
  else if (typeof kind !== 'string') problems.push("kind isn't string type")
  return problems
}

/** Returns the text of apimachinery's error aggregate: one message alone, several as `[a, b]` (deduplicated). */
export function aggregateMessages(messages: string[]): string {
  const unique = [...new Set(messages)]
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`
}

/** Returns the metadata decoding error of an object, or of the first list item that has one. */
export function checkListMeta(object: Record<string, unknown>): string | undefined {
  const own = checkObjectMeta(object)
  if (own || !Array.isArray(object.items)) return own
  for (const item of object.items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue
    const problem = checkObjectMeta(item as Record<string, unknown>, 'items.')
    if (problem) return problem
  }
  return undefined
}

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
