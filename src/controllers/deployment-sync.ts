// One sync of one Deployment, as a value: the Deployment and its ReplicaSets as copies the sync edits,
// and the actions those edits become (ReplicaSet creates and updates, ScalingReplicaSet events, the
// Deployment's annotation and status update). It owns the two primitives the strategies build on:
// finding or creating the new ReplicaSet (getNewReplicaSet, with revision bookkeeping and the
// annotations copied from the Deployment) and scaling one ReplicaSet with its event. Pure.

import type {PodTemplateSpec} from '../api/types.js'
import type {Action} from './context.js'
import {clone, jsonEqual} from './context.js'
import {conditionOf, newCondition, setCondition} from './deployment-status.js'
import {
  byCreation, equalIgnoreHash, hasProgressDeadline, HASH_LABEL, maxRevision, maxSurge, podTemplateHash, DESIRED_REPLICAS, MAX_REPLICAS, REVISION,
  REVISION_HISTORY, SKIPPED_ANNOTATIONS, specReplicas, isRolling, resolveIntOrPercent,
  type DeploymentObject, type ReplicaSetObject,
} from './deployment-util.js'

export const COMPONENT = 'deployment-controller'

export class DeploymentSync {
  readonly actions: Action[] = []
  readonly d: DeploymentObject
  /** The Deployment's ReplicaSets, oldest first. */
  readonly sets: ReplicaSetObject[]

  constructor(readonly original: DeploymentObject, sets: ReplicaSetObject[], readonly now: Date) {
    this.d = clone(original)
    this.sets = sets.map((s) => clone(s)).sort(byCreation)
  }

  get replicas(): number {
    return this.d.spec.replicas ?? 1
  }

  /** The ReplicaSet whose template equals the Deployment's (the oldest such), if any. */
  findNew(): ReplicaSetObject | undefined {
    return this.sets.find((rs) => equalIgnoreHash(rs.spec.template, this.d.spec.template))
  }

  /** Every ReplicaSet but the new one. */
  olds(newRS: ReplicaSetObject | undefined): ReplicaSetObject[] {
    return this.sets.filter((rs) => rs !== newRS)
  }

  /** Sets desired/max-replicas annotations; returns whether they changed. */
  private setReplicasAnnotations(rs: ReplicaSetObject): boolean {
    const desired = String(this.replicas)
    const max = String(this.replicas + maxSurge(this.d))
    const ann = (rs.metadata.annotations ??= {})
    if (ann[DESIRED_REPLICAS] === desired && ann[MAX_REPLICAS] === max) return false
    ann[DESIRED_REPLICAS] = desired
    ann[MAX_REPLICAS] = max
    return true
  }

  /** SetNewReplicaSetAnnotations: copied annotations, the new revision and its history. */
  private setNewAnnotations(rs: ReplicaSetObject, newRevision: number, exists: boolean): boolean {
    const ann = (rs.metadata.annotations ??= {})
    let changed = false
    for (const [k, v] of Object.entries(this.d.metadata.annotations ?? {})) {
      if (SKIPPED_ANNOTATIONS.has(k) || ann[k] === v) continue
      ann[k] = v
      changed = true
    }
    const oldRevision = ann[REVISION] ?? ''
    const oldInt = oldRevision === '' ? 0 : Number.parseInt(oldRevision, 10) || 0
    if (oldInt < newRevision) {
      ann[REVISION] = String(newRevision)
      changed = true
      if (oldRevision !== '') ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${oldRevision}` : oldRevision
    }
    if (!exists && this.setReplicasAnnotations(rs)) changed = true
    return changed
  }

  private setDeploymentRevision(revision: string): void {
    const ann = (this.d.metadata.annotations ??= {})
    if (ann[REVISION] !== revision) ann[REVISION] = revision
  }

  private update(rs: ReplicaSetObject): void {
    this.actions.push({type: 'update', object: clone(rs)})
  }

  /** getNewReplicaSet: the new ReplicaSet, its revision synced; created (scaled per strategy) when asked. */
  getNew(create: boolean): ReplicaSetObject | undefined {
    const existing = this.findNew()
    const newRevision = maxRevision(this.olds(existing)) + 1
    if (existing) {
      if (this.setNewAnnotations(existing, newRevision, true)) {
        this.update(existing)
        return existing
      }
      this.setDeploymentRevision(existing.metadata.annotations?.[REVISION] ?? '')
      if (hasProgressDeadline(this.d) && !conditionOf(this.d.status, 'Progressing')) {
        setCondition((this.d.status ??= {}), newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${existing.metadata.name}"`, this.now))
      }
      return existing
    }
    if (!create) return undefined
    const created = this.newReplicaSet(newRevision)
    this.sets.push(created)
    this.actions.push({type: 'create', object: clone(created)})
    const count = created.spec.replicas ?? 0
    if (count > 0) this.event(`Scaled up replica set ${created.metadata.name} to ${count}`)
    this.setDeploymentRevision(String(newRevision))
    if (hasProgressDeadline(this.d)) {
      setCondition((this.d.status ??= {}), newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, this.now))
    }
    return created
  }

  private newReplicaSet(newRevision: number): ReplicaSetObject {
    const d = this.d
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount)
    const template = clone(d.spec.template) as PodTemplateSpec
    const labels = {...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash}
    template.metadata = {...(template.metadata ?? {}), labels}
    const selector = clone(d.spec.selector ?? {})
    selector.matchLabels = {...(selector.matchLabels ?? {}), [HASH_LABEL]: hash}
    const rs: ReplicaSetObject = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: {...labels},
        ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name as string, uid: d.metadata.uid as string, controller: true, blockOwnerDeletion: true}],
      },
      spec: {replicas: 0, ...(d.spec.minReadySeconds ? {minReadySeconds: d.spec.minReadySeconds} : {}), selector, template},
    }
    rs.spec.replicas = this.newRSNewReplicas(rs)
    this.setNewAnnotations(rs, newRevision, false)
    return rs
  }

  /** NewRSNewReplicas: how far the new ReplicaSet may grow now (maxSurge bounds a rolling update). */
  newRSNewReplicas(newRS: ReplicaSetObject): number {
    if (!isRolling(this.d)) return this.replicas
    const all = this.sets.includes(newRS) ? this.sets : [...this.sets, newRS]
    const current = specReplicas(all)
    const maxTotal = this.replicas + resolveIntOrPercent(this.d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', this.replicas, true)
    const own = newRS.spec.replicas ?? 0
    if (current >= maxTotal) return own
    return own + Math.min(maxTotal - current, this.replicas - own)
  }

  /** scaleReplicaSet: sets replicas (and the replica annotations), with the ScalingReplicaSet event. */
  scale(rs: ReplicaSetObject, to: number): boolean {
    const from = rs.spec.replicas ?? 0
    const sizeChanged = from !== to
    const annotationsChanged = this.setReplicasAnnotations(rs)
    if (!sizeChanged && !annotationsChanged) return false
    rs.spec.replicas = to
    if (sizeChanged) rs.metadata.generation = (rs.metadata.generation ?? 1) + 1
    this.update(rs)
    if (sizeChanged) this.event(`Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${from}`)
    return sizeChanged
  }

  /** scaleReplicaSetAndRecordEvent: scales only when the size differs. */
  scaleIfNeeded(rs: ReplicaSetObject, to: number): boolean {
    if ((rs.spec.replicas ?? 0) === to) return false
    return this.scale(rs, to)
  }

  /** Records a ScalingReplicaSet event on the Deployment. */
  event(message: string): void {
    this.actions.push({type: 'event', event: {involved: this.original, type: 'Normal', reason: 'ScalingReplicaSet', message, component: COMPONENT}})
  }

  /** Queues the Deployment update (annotations and status) when anything changed. */
  finish(status: DeploymentObject['status']): Action[] {
    this.d.status = status
    if (!jsonEqual(this.original, this.d)) this.actions.push({type: 'update', object: this.d})
    return this.actions
  }
}
