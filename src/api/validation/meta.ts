// ObjectMeta validation on create (apimachinery ValidateObjectMetaAccessor plus the core finalizer
// check): generateName, name, namespace, generation, labels, annotations (keys and total size),
// ownerReferences and finalizers, in the apiserver's order. The name rule is passed in per kind.

import type {ObjectMeta} from '../types.js'
import {isQualifiedName, validateLabelMap} from '../labels/validation.js'
import {forbidden, invalidEach, invalidValue, required, tooLong, type FieldError, FieldPath} from './field.js'
import {nameIsDNSLabel, type NameValidator} from './names.js'

/** The annotations size limit (256 KiB of keys plus values). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024

// helper.IsStandardFinalizerName: the legacy unqualified finalizers.
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

const encoder = new TextEncoder()

function utf8Length(s: string): number {
  return encoder.encode(s).length
}

/** Returns the errors of an annotation map: keys are qualified names (case-insensitive), total ≤ 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  if (!annotations) return []
  const errs = Object.keys(annotations).sort().flatMap((k) => invalidEach(path, k, isQualifiedName(k.toLowerCase())))
  const size = Object.entries(annotations).reduce((n, [k, v]) => n + utf8Length(k) + utf8Length(v), 0)
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT))
  return errs
}

/** Returns the errors of a finalizer name: qualified, and unqualified ones must be standard. */
export function validateFinalizerName(name: string, path: FieldPath): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name))
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    errs.push(invalidValue(path, name, 'name is neither a standard finalizer name nor is it fully qualified'))
  }
  return errs
}

// The "only one controller" check is left out: its message prints the whole reference list in %#v.
function validateOwnerReferences(refs: ObjectMeta['ownerReferences'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  for (const ref of refs ?? []) {
    if (!ref.apiVersion) errs.push(invalidValue(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'))
    if (!ref.kind) errs.push(invalidValue(path.child('kind'), ref.kind ?? '', 'kind must not be empty'))
    if (!ref.name) errs.push(invalidValue(path.child('name'), ref.name ?? '', 'name must not be empty'))
    if (!ref.uid) errs.push(invalidValue(path.child('uid'), ref.uid ?? '', 'uid must not be empty'))
  }
  return errs
}

/**
 * Returns the errors of an object's metadata on create. `nameFn` is the kind's name rule;
 * `requiresNamespace` is true for namespaced kinds (cluster-scoped ones must not set a namespace).
 */
export function validateObjectMeta(meta: ObjectMeta, requiresNamespace: boolean, nameFn: NameValidator, path: FieldPath = FieldPath.of('metadata')): FieldError[] {
  const errs: FieldError[] = []
  if (meta.generateName) errs.push(...invalidEach(path.child('generateName'), meta.generateName, nameFn(meta.generateName, true)))
  if (!meta.name) errs.push(required(path.child('name'), 'name or generateName is required'))
  else errs.push(...invalidEach(path.child('name'), meta.name, nameFn(meta.name, false)))
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(required(path.child('namespace')))
    else errs.push(...invalidEach(path.child('namespace'), meta.namespace, nameIsDNSLabel(meta.namespace, false)))
  } else if (meta.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'))
  }
  if ((meta.generation ?? 0) < 0) errs.push(invalidValue(path.child('generation'), meta.generation ?? 0, 'must be greater than or equal to 0'))
  errs.push(...validateLabelMap(meta.labels, path.child('labels')))
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')))
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')))
  ;(meta.finalizers ?? []).forEach((f) => errs.push(...invalidEach(path.child('finalizers'), f, isQualifiedName(f))))
  ;(meta.finalizers ?? []).forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalidValue(path.child('finalizers').index(i), f, 'name is neither a standard finalizer name nor is it fully qualified'))
    }
  })
  return errs
}

/** Returns the error for a negative number field (ValidateNonnegativeField). */
export function validateNonnegative(value: number | undefined, path: FieldPath): FieldError[] {
  return value !== undefined && value < 0 ? [invalidValue(path, value, 'must be greater than or equal to 0')] : []
}
