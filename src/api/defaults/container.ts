// Container-level defaulting of the v1.32 apiserver (pkg/apis/core/v1/defaults.go): imagePullPolicy
// from the image tag, termination message path/policy, port protocol, probe timings and HTTP scheme,
// downward-API apiVersion, `resources: {}`, and canonical decimal quantities. Mutates the copy it is
// given; index.ts hands it a fresh clone.

import {canonicalQuantity} from './quantity.js'

type Obj = Record<string, unknown>

const REPO_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/

/** Returns the tag of an image reference ('' when it has only a digest or cannot be parsed). */
export function imageTag(image: string): {tag: string; digest: boolean; valid: boolean} {
  const at = image.indexOf('@')
  const named = at >= 0 ? image.slice(0, at) : image
  const slash = named.lastIndexOf('/')
  const colon = named.lastIndexOf(':')
  const hasTag = colon > slash
  const repo = hasTag ? named.slice(0, colon) : named
  const tag = hasTag ? named.slice(colon + 1) : ''
  const parts = repo.split('/')
  const domain = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost') ? parts.shift() : undefined
  const valid = repo.length > 0 && parts.every((p) => REPO_COMPONENT.test(p)) && (domain === undefined || /^[a-zA-Z0-9.-]+(:\d+)?$/.test(domain)) && (!hasTag || TAG.test(tag))
  return {tag, digest: at >= 0, valid}
}

/** Returns the default imagePullPolicy: Always for `:latest` or an untagged image, else IfNotPresent. */
export function defaultPullPolicy(image: string | undefined): string {
  const ref = imageTag(image ?? '')
  // An unparsable reference yields no tag, hence IfNotPresent (parsers.ParseImageName fails).
  if (!ref.valid) return 'IfNotPresent'
  const tag = ref.tag === '' && !ref.digest ? 'latest' : ref.tag
  return tag === 'latest' ? 'Always' : 'IfNotPresent'
}

function defaultHandler(h: Obj | undefined): void {
  const http = h?.httpGet as Obj | undefined
  if (!http) return
  if (!http.path) http.path = '/'
  if (!http.scheme) http.scheme = 'HTTP'
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return
  defaultHandler(p)
  if (!p.timeoutSeconds) p.timeoutSeconds = 1
  if (!p.periodSeconds) p.periodSeconds = 10
  if (!p.successThreshold) p.successThreshold = 1
  if (!p.failureThreshold) p.failureThreshold = 3
}

/** Fills an ObjectFieldSelector's apiVersion (v1). */
export function defaultFieldRef(ref: Obj | undefined): void {
  if (ref && !ref.apiVersion) ref.apiVersion = 'v1'
}

function canonicalizeResources(res: Obj): void {
  for (const key of ['limits', 'requests']) {
    const list = res[key] as Record<string, string | number> | undefined
    if (!list) continue
    for (const name of Object.keys(list)) list[name] = canonicalQuantity(list[name])
  }
}

/** Applies the container defaults in place. */
export function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image as string | undefined)
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log'
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File'
  for (const port of (c.ports as Obj[] | undefined) ?? []) {
    if (!port.protocol) port.protocol = 'TCP'
  }
  for (const env of (c.env as Obj[] | undefined) ?? []) defaultFieldRef((env.valueFrom as Obj | undefined)?.fieldRef as Obj | undefined)
  if (c.resources === undefined || c.resources === null) c.resources = {}
  canonicalizeResources(c.resources as Obj)
  defaultProbe(c.livenessProbe as Obj | undefined)
  defaultProbe(c.readinessProbe as Obj | undefined)
  defaultProbe(c.startupProbe as Obj | undefined)
  const lc = c.lifecycle as Obj | undefined
  defaultHandler(lc?.postStart as Obj | undefined)
  defaultHandler(lc?.preStop as Obj | undefined)
}

/** Copies limits into missing requests (SetDefaults_Pod; pods only, not templates). */
export function defaultRequestsFromLimits(c: Obj): void {
  const res = (c.resources ?? {}) as Obj
  const limits = res.limits as Record<string, string> | undefined
  if (!limits) return
  const requests = (res.requests ?? {}) as Record<string, string>
  for (const name of Object.keys(limits)) {
    if (!(name in requests)) requests[name] = limits[name]
  }
  res.requests = requests
}
