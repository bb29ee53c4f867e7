// `kubectl describe namespace` (kubectl's describeNamespace): labels, annotations, phase, conditions, then
// the namespace's ResourceQuotas and LimitRanges (or `No resource quota.` / `No LimitRange resource.`).
// kbe has no quota or limit-range controllers, so those usually come in empty; the tables are still
// rendered as kubectl does when objects exist. Pure formatting.
import type {KubeObject, Namespace} from '../../api/types.js'
import {formatQuantity, quantityOf} from './quantity.js'
import {formatTime, PrefixWriter, writeAnnotations, writeLabels, type DescribeContext} from './writer.js'

/** What describe namespace needs besides the Namespace: the quotas and limit ranges inside it. */
export interface NamespaceRelated {
  resourceQuotas: KubeObject[]
  limitRanges: KubeObject[]
}

interface NamespaceCondition {
  type: string
  status: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

/** Returns the full `kubectl describe namespace` text for `ns`. */
export function describeNamespace(ns: Namespace, related: NamespaceRelated, _ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${ns.metadata.name ?? ''}\n`)
  writeLabels(w, 'Labels', ns.metadata.labels)
  writeAnnotations(w, 'Annotations', ns.metadata.annotations)
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`)
  const conditions = ((ns.status as {conditions?: NamespaceCondition[]} | undefined)?.conditions) ?? []
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n')
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
    w.write(1, '----\t------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(1, `${c.type}\t${c.status}\t${formatTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
  }
  w.write(0, '\n')
  writeResourceQuotas(w, related.resourceQuotas)
  w.write(0, '\n')
  writeLimitRanges(w, related.limitRanges)
  return w.toString()
}

const byName = (a: KubeObject, b: KubeObject): number => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1)

function writeResourceQuotas(w: PrefixWriter, quotas: KubeObject[]): void {
  if (quotas.length === 0) return w.write(0, 'No resource quota.\n')
  w.write(0, 'Resource Quotas\n')
  for (const q of [...quotas].sort(byName)) {
    const spec = (q.spec ?? {}) as {scopes?: string[]}
    const status = (q.status ?? {}) as {hard?: Record<string, string>; used?: Record<string, string>}
    w.write(1, `Name:\t${q.metadata.name ?? ''}\n`)
    if (spec.scopes && spec.scopes.length > 0) w.write(1, `Scopes:\t${[...spec.scopes].sort().join(', ')}\n`)
    w.write(1, 'Resource\tUsed\tHard\n')
    w.write(1, '--------\t---\t---\n')
    for (const name of Object.keys(status.hard ?? {}).sort()) {
      w.write(1, `${name}\t${formatQuantity(quantityOf(status.used?.[name]))}\t${formatQuantity(quantityOf(status.hard![name]))}\n`)
    }
  }
}

interface LimitRangeItem {
  type: string
  max?: Record<string, string>
  min?: Record<string, string>
  default?: Record<string, string>
  defaultRequest?: Record<string, string>
  maxLimitRequestRatio?: Record<string, string>
}

function writeLimitRanges(w: PrefixWriter, limitRanges: KubeObject[]): void {
  if (limitRanges.length === 0) return w.write(0, 'No LimitRange resource.\n')
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  for (const lr of limitRanges) {
    for (const item of ((lr.spec as {limits?: LimitRangeItem[]} | undefined)?.limits ?? [])) {
      const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio]
      // kubectl walks a Go map here (random order); kbe sorts the resource names instead.
      const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort()
      for (const name of names) {
        const cells = lists.map((l) => (l?.[name] !== undefined ? formatQuantity(quantityOf(l[name])) : '-'))
        w.write(0, ` ${item.type}\t${name}\t${cells.join('\t')}\n`)
      }
    }
  }
}
