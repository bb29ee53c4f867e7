// Container resource requirements validation (validateResourceRequirements): resource names must be
// standard container resources or fully qualified extended names, quantities non-negative, and each
// request no greater than its limit. Map entries are visited in sorted key order (Go's is random).

import {forbidden, invalidValue, required, type FieldError, FieldPath} from './field.js'
import {isQualifiedName} from '../labels/validation.js'
import {quantityValue} from '../schema/quantity.js'

export interface Resources {
  limits?: Record<string, string | number>
  requests?: Record<string, string | number>
}

// helper.IsStandardResourceName (container, quota and object-count resources without a prefix).
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'requests.storage', 'limits.cpu', 'limits.memory',
  'limits.ephemeral-storage',
])
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-')
}

function validateResourceName(name: string, path: FieldPath): FieldError[] {
  const qualified = isQualifiedName(name).map((m) => invalidValue(path, name, m))
  if (qualified.length > 0) return qualified
  const errs: FieldError[] = []
  if (!name.includes('/')) {
    if (!STANDARD_RESOURCES.has(name) && !isHugePages(name)) errs.push(invalidValue(path, name, 'must be a standard resource type or fully qualified'))
    if (!CONTAINER_RESOURCES.has(name) && !isHugePages(name)) errs.push(invalidValue(path, name, 'must be a standard resource for containers'))
  }
  return errs
}

function validateQuantity(text: string | number, path: FieldPath): FieldError[] {
  const v = quantityValue(text)
  return v !== undefined && v < 0 ? [invalidValue(path, String(text), 'must be greater than or equal to 0')] : []
}

/** Returns the errors of a container's resources: names, quantities, requests ≤ limits, hugepages. */
export function validateResources(res: Resources | undefined, path: FieldPath): FieldError[] {
  const limits = res?.limits ?? {}
  const requests = res?.requests ?? {}
  const limPath = path.child('limits')
  const reqPath = path.child('requests')
  const errs: FieldError[] = []
  let cpuOrMemory = false
  let hugePages = false
  for (const name of Object.keys(limits).sort()) {
    errs.push(...validateResourceName(name, limPath.key(name)), ...validateQuantity(limits[name], limPath.key(name)))
    if (isHugePages(name)) hugePages = true
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true
  }
  for (const name of Object.keys(requests).sort()) {
    const q = requests[name]
    errs.push(...validateResourceName(name, reqPath.key(name)), ...validateQuantity(q, reqPath.key(name)))
    const limit = limits[name]
    const overcommit = !isHugePages(name)
    if (limit !== undefined) {
      const [qv, lv] = [quantityValue(q), quantityValue(limit)]
      if (qv !== undefined && lv !== undefined) {
        if (qv !== lv && !overcommit) errs.push(invalidValue(reqPath, String(q), `must be equal to ${name} limit of ${limit}`))
        else if (qv > lv) errs.push(invalidValue(reqPath, String(q), `must be less than or equal to ${name} limit of ${limit}`))
      }
    } else if (!overcommit) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'))
    }
    if (isHugePages(name)) hugePages = true
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true
  }
  if (!cpuOrMemory && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'))
  return errs
}
