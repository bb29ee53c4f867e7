// The entry point of create-time validation: picks the kind's validator, returns the apiserver's
// Status causes in its order, and raises the Invalid StatusError the apiserver would return. Objects
// are validated after defaulting, as the apiserver does (so e.g. a missing port protocol is already TCP).

import {StatusError, type FieldCause} from '../errors.js'
import type {KubeObject, Namespace, Service} from '../types.js'
import {aggregateText, errorText, toCauses, FieldPath, type FieldError} from './field.js'
import {validateFinalizerName, validateObjectMeta} from './meta.js'
import {nameIsDNSLabel} from './names.js'
import {validatePod, type PodLike} from './pod.js'
import {validateService, validateServiceClusterIPs} from './service.js'
import {validateDeployment, validateReplicaSet, validateReplicationController, type AppsWorkloadLike, type ReplicationControllerLike} from './workloads.js'

export {FieldPath, toCauses, errorBody, errorText, type FieldError} from './field.js'

function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel)
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(f, FieldPath.of('spec', 'finalizers')))
  return errs
}

const VALIDATORS: Record<string, (obj: KubeObject) => FieldError[]> = {
  'v1/Pod': (o) => validatePod(o as unknown as PodLike),
  'v1/Service': (o) => validateService(o as Service),
  'v1/ReplicationController': (o) => validateReplicationController(o as unknown as ReplicationControllerLike),
  'v1/Namespace': (o) => validateNamespace(o as Namespace),
  'apps/v1/Deployment': (o) => validateDeployment(o as unknown as AppsWorkloadLike),
  'apps/v1/ReplicaSet': (o) => validateReplicaSet(o as unknown as AppsWorkloadLike),
}

/** Returns the field errors of an object on create; kinds without a validator have none. */
export function validateObjectErrors(obj: KubeObject): FieldError[] {
  const validate = VALIDATORS[`${obj.apiVersion}/${obj.kind}`]
  if (!validate) return []
  // The Service IP allocator validates clusterIPs before the full validation and stops there.
  if (obj.kind === 'Service' && obj.apiVersion === 'v1') {
    const ipErrs = validateServiceClusterIPs((obj as Service).spec ?? {})
    if (ipErrs.length > 0) return ipErrs
  }
  return validate(obj)
}

/** Returns the Status causes (field + message) of an object on create, in the apiserver's order. */
export function validateObject(obj: KubeObject): FieldCause[] {
  return toCauses(validateObjectErrors(obj))
}

/**
 * Returns the apiserver's Invalid error for field errors (errors.NewInvalid): details carry the plain
 * kind and every cause; the message names the group-qualified kind (`Deployment.apps "x" is invalid: …`)
 * and aggregates the causes without duplicates.
 */
export function invalidError(apiVersion: string, kind: string, name: string, errs: readonly FieldError[]): StatusError {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : ''
  const qualified = group ? `${kind}.${group}` : kind
  const message = `${qualified} "${name}" is invalid: ${aggregateText(errs.map(errorText))}`
  return new StatusError('Invalid', message, {kind, name, causes: toCauses(errs)})
}

/** Throws the apiserver's Invalid error (kubectl prints `The Pod "x" is invalid: …`) when the object has errors. */
export function throwIfInvalid(obj: KubeObject): void {
  const errs = validateObjectErrors(obj)
  if (errs.length > 0) throw invalidError(obj.apiVersion, obj.kind, obj.metadata.name ?? '', errs)
}
