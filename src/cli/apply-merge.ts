// What `kubectl apply` computes on the client: the last-applied-configuration annotation (the manifest
// as compact JSON with sorted keys, Go's HTML escaping and a final newline, written with an empty
// annotations map removed of the annotation itself), and the three-way merge of the last-applied
// configuration (original), the new manifest (modified) and the live object: fields the manifest sets
// win, fields it dropped since the last apply are removed, fields nobody applied (defaults, clusterIP,
// status) stay. Lists of the core kinds merge by their strategic-merge keys (containers and env by
// name, container ports by containerPort, service ports by port, volumes by name, mounts by mountPath);
// other lists are replaced whole. Pure.

type Obj = Record<string, unknown>

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Go's encoding/json string escaping (HTML-safe, as json.Marshal does by default). */
function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Returns `value` as Go's json.Marshal prints a map[string]interface{}: compact, keys sorted. */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`
  if (isObj(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort()
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value[k])}`).join(',')}}`
  }
  if (typeof value === 'string') return goJsonString(value)
  return JSON.stringify(value ?? null)
}

/**
 * Returns the manifest as apply sends it (GetModifiedConfiguration): a copy whose annotations hold the
 * last-applied-configuration, that being the manifest itself with the annotation removed.
 */
export function withLastApplied(manifest: Obj): Obj {
  const copy = structuredClone(manifest)
  const meta = (isObj(copy.metadata) ? copy.metadata : (copy.metadata = {})) as Obj
  const annotations = {...((meta.annotations as Obj | undefined) ?? {})}
  delete annotations[LAST_APPLIED]
  meta.annotations = annotations
  const text = `${goJson(copy)}\n`
  meta.annotations = {...annotations, [LAST_APPLIED]: text}
  return copy
}

/** Returns the last-applied configuration recorded on a live object, if any. */
export function lastApplied(live: Obj): Obj | undefined {
  const text = ((live.metadata as Obj | undefined)?.annotations as Record<string, string> | undefined)?.[LAST_APPLIED]
  if (!text) return undefined
  try {
    const parsed = JSON.parse(text) as unknown
    return isObj(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

const MERGE_KEYS: Record<string, string[]> = {
  containers: ['name'], initContainers: ['name'], env: ['name'], volumes: ['name'], volumeMounts: ['mountPath'],
  imagePullSecrets: ['name'], ports: ['containerPort', 'port'], ownerReferences: ['uid'],
}

function mergeKeyOf(field: string, lists: unknown[][]): string | undefined {
  const candidates = MERGE_KEYS[field]
  if (!candidates) return undefined
  const items = lists.flat()
  if (!items.every(isObj)) return undefined
  return candidates.find((k) => items.every((i) => (i as Obj)[k] !== undefined))
}

function mergeList(key: string, original: unknown, modified: Obj[], live: Obj[]): Obj[] {
  const orig = Array.isArray(original) ? (original.filter(isObj) as Obj[]) : []
  const find = (list: Obj[], item: Obj) => list.find((x) => x[key] === item[key])
  const result = modified.map((item) => {
    const current = find(live, item)
    return current ? (mergeValue(find(orig, item), item, current) as Obj) : structuredClone(item)
  })
  for (const item of live) if (!find(modified, item) && !find(orig, item)) result.push(structuredClone(item))
  return result
}

function mergeMap(original: Obj | undefined, modified: Obj, live: Obj): Obj {
  const result = structuredClone(live)
  for (const [k, v] of Object.entries(modified)) {
    if (v === null) delete result[k]
    else result[k] = mergeField(k, original?.[k], v, live[k])
  }
  for (const k of Object.keys(original ?? {})) if (!(k in modified)) delete result[k]
  return result
}

function mergeField(field: string, original: unknown, modified: unknown, live: unknown): unknown {
  if (Array.isArray(modified) && Array.isArray(live)) {
    const key = mergeKeyOf(field, [modified, live])
    if (key) return mergeList(key, original, modified as Obj[], live as Obj[])
  }
  return mergeValue(original, modified, live)
}

function mergeValue(original: unknown, modified: unknown, live: unknown): unknown {
  if (isObj(modified) && isObj(live)) return mergeMap(isObj(original) ? original : undefined, modified, live)
  return structuredClone(modified)
}

/** Returns the live object after a three-way merge of `original` (last applied), `modified` and `live`. */
export function threeWayMerge(original: Obj | undefined, modified: Obj, live: Obj): Obj {
  return mergeMap(original, modified, live)
}
