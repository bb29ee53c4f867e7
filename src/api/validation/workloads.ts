// Controller validation on create: ReplicationController (ValidateReplicationController), and the
// apps/v1 ReplicaSet and Deployment (ValidateReplicaSet, ValidateDeployment): replicas, selectors
// (set-based for apps), the template-labels-match-selector rule, the pod template, restartPolicy
// Always, and the Deployment's strategy and history fields, in the apiserver's order.

import type {ObjectMeta} from '../types.js'
import {labelSelectorAsSelector, LabelSelectorError, selectorFromSet, type LabelSelector, type Selector} from '../labels/selector.js'
import {isValidLabelValue, validateLabelMap, validateLabelName} from '../labels/validation.js'
import {forbidden, invalidEach, invalidValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {goQuote, goStringMap, goStringSlice, goStruct, GoLiteral} from './go-format.js'
import {validateNonnegative, validateObjectMeta} from './meta.js'
import {nameIsDNSSubdomain, regexError} from './names.js'
import {validatePodTemplateSpec, type PodTemplateLike} from './pod.js'

const SPEC = FieldPath.of('spec')

function validateTemplateForController(template: PodTemplateLike | undefined, selector: Selector, path: FieldPath, kind: string): FieldError[] {
  if (!template) return [required(path)]
  const errs: FieldError[] = []
  const labels = template.metadata?.labels
  if (!selector.empty() && !selector.matches(labels)) {
    errs.push(invalidValue(path.child('metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodTemplateSpec(template, path))
  const rp = template.spec?.restartPolicy ?? ''
  if (rp !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), rp, ['Always']))
  if (template.spec && (template.spec as {activeDeadlineSeconds?: number}).activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`))
  }
  return errs
}

export interface ReplicationControllerLike {
  metadata: ObjectMeta
  spec?: {replicas?: number; minReadySeconds?: number; selector?: Record<string, string>; template?: PodTemplateLike}
}

/** Returns the errors of a ReplicationController on create (after defaulting). */
export function validateReplicationController(rc: ReplicationControllerLike): FieldError[] {
  const spec = rc.spec ?? {}
  const errs = validateObjectMeta(rc.metadata, true, nameIsDNSSubdomain)
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, SPEC.child('minReadySeconds')))
  const selector = selectorFromSet(spec.selector)
  if (selector.empty()) errs.push(required(SPEC.child('selector')))
  errs.push(...validateNonnegative(spec.replicas ?? 0, SPEC.child('replicas')))
  errs.push(...validateTemplateForController(spec.template, selector, SPEC.child('template'), 'ReplicationController'))
  return errs
}

/** Returns `%#v` of a *metav1.LabelSelector as the error prints it (the pointer is dereferenced). */
export function goLabelSelector(ls: LabelSelector): GoLiteral {
  const exprs = ls.matchExpressions
  const exprText = exprs === undefined ? '[]v1.LabelSelectorRequirement(nil)'
    : `[]v1.LabelSelectorRequirement{${exprs.map((e) => goStruct('v1.LabelSelectorRequirement', [['Key', e.key], ['Operator', e.operator], ['Values', goStringSlice(e.values)]]).text).join(', ')}}`
  return goStruct('v1.LabelSelector', [['MatchLabels', goStringMap(ls.matchLabels)], ['MatchExpressions', new GoLiteral(exprText)]])
}

/** Returns the errors of a metav1.LabelSelector (ValidateLabelSelector, strict label values). */
export function validateLabelSelector(ls: LabelSelector | undefined, path: FieldPath): FieldError[] {
  if (!ls) return []
  const errs = validateLabelMap(ls.matchLabels, path.child('matchLabels'))
  ;(ls.matchExpressions ?? []).forEach((expr, i) => {
    const p = path.child('matchExpressions').index(i)
    const values = expr.values ?? []
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(p.child('values'), 'must be specified when `operator` is \'In\' or \'NotIn\''))
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(p.child('values'), 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''))
    } else {
      errs.push(invalidValue(p.child('operator'), expr.operator ?? '', 'not a valid selector operator'))
    }
    errs.push(...validateLabelName(expr.key ?? '', p.child('key')))
    values.forEach((v, j) => errs.push(...invalidEach(p.child('values').index(j), v, isValidLabelValue(v))))
  })
  return errs
}

export interface AppsWorkloadLike {
  metadata: ObjectMeta
  spec?: {
    replicas?: number
    minReadySeconds?: number
    selector?: LabelSelector
    template?: PodTemplateLike
    strategy?: {type?: string; rollingUpdate?: {maxUnavailable?: number | string; maxSurge?: number | string}}
    revisionHistoryLimit?: number
    progressDeadlineSeconds?: number
  }
}

// Shared by ReplicaSet and Deployment: selector checks, then the template against the selector.
function validateSelectorAndTemplate(spec: NonNullable<AppsWorkloadLike['spec']>, kind: string): FieldError[] {
  const errs: FieldError[] = []
  if (!spec.selector) errs.push(required(SPEC.child('selector')))
  else {
    errs.push(...validateLabelSelector(spec.selector, SPEC.child('selector')))
    if (Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length === 0) {
      errs.push(invalidValue(SPEC.child('selector'), goLabelSelector(spec.selector), 'empty selector is invalid for deployment'))
    }
  }
  let selector: Selector
  try {
    selector = labelSelectorAsSelector(spec.selector)
  } catch (e) {
    if (!(e instanceof LabelSelectorError)) throw e
    return [...errs, invalidValue(SPEC.child('selector'), goLabelSelector(spec.selector ?? {}), 'invalid label selector')]
  }
  return [...errs, ...validateTemplateForController(spec.template ?? {}, selector, SPEC.child('template'), kind)]
}

/** Returns the errors of an apps/v1 ReplicaSet on create (after defaulting). */
export function validateReplicaSet(rs: AppsWorkloadLike): FieldError[] {
  const spec = rs.spec ?? {}
  const errs = validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain)
  errs.push(...validateNonnegative(spec.replicas ?? 0, SPEC.child('replicas')))
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, SPEC.child('minReadySeconds')))
  return [...errs, ...validateSelectorAndTemplate(spec, 'ReplicaSet')]
}

function goIntOrString(v: number | string | undefined): GoLiteral {
  if (typeof v === 'string') return new GoLiteral(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`)
  return new GoLiteral(`intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`)
}

function intOrPercentValue(v: number | string | undefined): number {
  if (typeof v === 'number') return v
  const m = /^(\d+)%$/.exec(v ?? '')
  return m ? Number(m[1]) : 0
}

function validateIntOrPercent(v: number | string | undefined, path: FieldPath): FieldError[] {
  if (typeof v === 'string') {
    return /^[0-9]+%$/.test(v) ? [] : [invalidValue(path, goIntOrString(v), regexError('a valid percent string must be a numeric string followed by an ending \'%\'', '[0-9]+%', '1%', '93%'))]
  }
  return validateNonnegative(v ?? 0, path)
}

function validateStrategy(strategy: NonNullable<AppsWorkloadLike['spec']>['strategy'], path: FieldPath): FieldError[] {
  const type = strategy?.type ?? ''
  const ru = strategy?.rollingUpdate
  if (type === 'Recreate') return ru ? [forbidden(path.child('rollingUpdate'), 'may not be specified when strategy `type` is \'Recreate\'')] : []
  if (type !== 'RollingUpdate') {
    const ruText = ru ? `&apps.RollingUpdateDeployment{MaxUnavailable:${goIntOrString(ru.maxUnavailable).text}, MaxSurge:${goIntOrString(ru.maxSurge).text}}` : '(*apps.RollingUpdateDeployment)(nil)'
    return [notSupported(path, goStruct('apps.DeploymentStrategy', [['Type', type], ['RollingUpdate', new GoLiteral(ruText)]]), ['Recreate', 'RollingUpdate'])]
  }
  if (!ru) return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')]
  const p = path.child('rollingUpdate')
  const errs = [...validateIntOrPercent(ru.maxUnavailable, p.child('maxUnavailable')), ...validateIntOrPercent(ru.maxSurge, p.child('maxSurge'))]
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalidValue(p.child('maxUnavailable'), goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'))
  }
  if (typeof ru.maxUnavailable === 'string' && intOrPercentValue(ru.maxUnavailable) > 100) {
    errs.push(invalidValue(p.child('maxUnavailable'), goIntOrString(ru.maxUnavailable), 'must not be greater than 100%'))
  }
  return errs
}

/** Returns the errors of an apps/v1 Deployment on create (after defaulting). */
export function validateDeployment(d: AppsWorkloadLike): FieldError[] {
  const spec = d.spec ?? {}
  const errs = validateObjectMeta(d.metadata, true, nameIsDNSSubdomain)
  errs.push(...validateNonnegative(spec.replicas ?? 0, SPEC.child('replicas')))
  errs.push(...validateSelectorAndTemplate(spec, 'ReplicaSet'))
  errs.push(...validateStrategy(spec.strategy, SPEC.child('strategy')))
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, SPEC.child('minReadySeconds')))
  if (spec.revisionHistoryLimit !== undefined) errs.push(...validateNonnegative(spec.revisionHistoryLimit, SPEC.child('revisionHistoryLimit')))
  const pds = spec.progressDeadlineSeconds
  if (pds !== undefined) {
    errs.push(...validateNonnegative(pds, SPEC.child('progressDeadlineSeconds')))
    if (pds <= (spec.minReadySeconds ?? 0)) errs.push(invalidValue(SPEC.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'))
  }
  return errs
}
