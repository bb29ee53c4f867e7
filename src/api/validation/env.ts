// Container environment validation (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom): names use
// the relaxed v1.32 rule, valueFrom must name exactly one source, and each source's own fields are
// checked (downward-API field paths, resource fields, configMap/secret key selectors).

import {invalidEach, invalidValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {isConfigMapKey, isRelaxedEnvVarName, nameIsDNSSubdomain} from './names.js'
import {validateObjectFieldSelector, type ObjectFieldSelector} from './paths.js'

/** The fieldRef paths an env var may use (sorted, as the NotSupported list prints them). */
export const ENV_DOWNWARD_API_FIELDS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP',
  'status.hostIPs', 'status.podIP', 'status.podIPs',
]

const RESOURCE_FIELDS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory']

interface KeySelector {
  name?: string
  key?: string
}

export interface EnvVar {
  name?: string
  value?: string
  valueFrom?: {
    fieldRef?: ObjectFieldSelector
    resourceFieldRef?: {containerName?: string; resource?: string}
    configMapKeyRef?: KeySelector
    secretKeyRef?: KeySelector
  }
}

export interface EnvFromSource {
  prefix?: string
  configMapRef?: {name?: string}
  secretRef?: {name?: string}
}

function validateKeySelector(s: KeySelector, path: FieldPath): FieldError[] {
  const errs = invalidEach(path.child('name'), s.name ?? '', nameIsDNSSubdomain(s.name ?? '', false))
  if (!s.key) errs.push(required(path.child('key')))
  else errs.push(...invalidEach(path.child('key'), s.key, isConfigMapKey(s.key)))
  return errs
}

function validateResourceFieldRef(ref: {resource?: string}, path: FieldPath): FieldError[] {
  if (!ref.resource) return [required(path.child('resource'))]
  const hugepages = ref.resource.startsWith('limits.hugepages-') || ref.resource.startsWith('requests.hugepages-')
  return RESOURCE_FIELDS.includes(ref.resource) || hugepages ? [] : [notSupported(path.child('resource'), ref.resource, RESOURCE_FIELDS)]
}

function validateValueFrom(ev: EnvVar, path: FieldPath): FieldError[] {
  const vf = ev.valueFrom
  if (!vf) return []
  const errs: FieldError[] = []
  let sources = 0
  if (vf.fieldRef) {
    sources++
    errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_DOWNWARD_API_FIELDS, path.child('fieldRef')))
  }
  if (vf.resourceFieldRef) {
    sources++
    errs.push(...validateResourceFieldRef(vf.resourceFieldRef, path.child('resourceFieldRef')))
  }
  if (vf.configMapKeyRef) {
    sources++
    errs.push(...validateKeySelector(vf.configMapKeyRef, path.child('configMapKeyRef')))
  }
  if (vf.secretKeyRef) {
    sources++
    errs.push(...validateKeySelector(vf.secretKeyRef, path.child('secretKeyRef')))
  }
  if (sources === 0) errs.push(invalidValue(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'))
  else if (ev.value) errs.push(invalidValue(path, '', 'may not be specified when `value` is not empty'))
  else if (sources > 1) errs.push(invalidValue(path, '', 'may not have more than one field specified at a time'))
  return errs
}

/** Returns the errors of a container's env list. */
export function validateEnv(vars: readonly EnvVar[] | undefined, path: FieldPath): FieldError[] {
  return (vars ?? []).flatMap((ev, i) => {
    const idxPath = path.index(i)
    const errs = ev.name ? invalidEach(idxPath.child('name'), ev.name, isRelaxedEnvVarName(ev.name)) : [required(idxPath.child('name'))]
    return [...errs, ...validateValueFrom(ev, idxPath.child('valueFrom'))]
  })
}

/** Returns the errors of a container's envFrom list (errors about the sources sit on the list path). */
export function validateEnvFrom(sources: readonly EnvFromSource[] | undefined, path: FieldPath): FieldError[] {
  return (sources ?? []).flatMap((src, i) => {
    const idxPath = path.index(i)
    const errs = src.prefix ? invalidEach(idxPath.child('prefix'), src.prefix, isRelaxedEnvVarName(src.prefix)) : []
    let count = 0
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = src[kind]
      if (!ref) continue
      count++
      if (!ref.name) errs.push(required(idxPath.child(kind, 'name')))
      else errs.push(...invalidEach(idxPath.child(kind, 'name'), ref.name, nameIsDNSSubdomain(ref.name, true)))
    }
    if (count === 0) errs.push(invalidValue(path, '', 'must specify one of: `configMapRef` or `secretRef`'))
    else if (count > 1) errs.push(invalidValue(path, '', 'may not have more than one field specified at a time'))
    return errs
  })
}
