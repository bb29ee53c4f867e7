// Label selectors as the apiserver and controllers use them: parse `-l` text (labels.Parse), build
// selectors from label sets (RC and Service selectors) and from metav1.LabelSelector (Deployments and
// ReplicaSets), match label maps, and print the canonical form. Also builds the BadRequest that
// kubectl shows when the apiserver rejects a selector. Pure: no store access.

import {StatusError} from '../errors.js'
import {goQuote} from '../validation/go-format.js'
import {FieldPath} from '../validation/field.js'
import {parseRequirements} from './parse.js'
import {LabelSelectorError, newRequirement, requirementMatches, requirementString, type Operator, type Requirement} from './requirement.js'

export {LabelSelectorError, type Requirement, type Operator} from './requirement.js'

/** A parsed selector: an AND of requirements, sorted by key. `nothing` selectors match no labels. */
export class Selector {
  private constructor(readonly requirements: readonly Requirement[], private readonly nothing = false) {}

  /** Returns the selector of the given requirements, sorted by key (stable). */
  static of(requirements: readonly Requirement[]): Selector {
    const sorted = requirements.map((r, i) => ({r, i})).sort((a, b) => (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : a.i - b.i))
    return new Selector(sorted.map((x) => x.r))
  }

  /** Returns the selector that matches every label set. */
  static everything(): Selector {
    return new Selector([])
  }

  /** Returns the selector that matches nothing (a nil metav1.LabelSelector). */
  static nothing(): Selector {
    return new Selector([], true)
  }

  /** Returns whether all requirements match `labels` (missing labels count as an empty set). */
  matches(labels: Record<string, string> | undefined): boolean {
    if (this.nothing) return false
    const set = labels ?? {}
    return this.requirements.every((r) => requirementMatches(r, set))
  }

  /** Returns true when the selector does not restrict anything. */
  empty(): boolean {
    return !this.nothing && this.requirements.length === 0
  }

  /** Returns the canonical text: requirements joined by `,` (`app=x,tier notin (a,b)`). */
  toString(): string {
    return this.requirements.map(requirementString).join(',')
  }
}

/** Parses a label selector string like the apiserver does, throwing LabelSelectorError on bad input. */
export function parseSelector(text: string): Selector {
  return Selector.of(parseRequirements(text, FieldPath.nil()))
}

/** Returns the equality selector of a label set (labels.SelectorFromSet); empty sets match everything. */
export function selectorFromSet(set: Record<string, string> | undefined): Selector {
  if (!set) return Selector.everything()
  return Selector.of(Object.keys(set).map((k) => ({key: k, operator: '=' as const, values: [set[k]]})))
}

import type {LabelSelector} from '../types.js'

export type {LabelSelector, LabelSelectorRequirement} from '../types.js'

const EXPRESSION_OPERATORS: Record<string, Operator> = {In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!'}

/**
 * Returns the selector of a metav1.LabelSelector (LabelSelectorAsSelector): null/undefined matches
 * nothing, an empty one everything. Throws LabelSelectorError for invalid keys, values or operators.
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls) return Selector.nothing()
  const labels = ls.matchLabels ?? {}
  const exprs = ls.matchExpressions ?? []
  if (Object.keys(labels).length + exprs.length === 0) return Selector.everything()
  const requirements = Object.keys(labels).sort().map((k) => newRequirement(k, '=', [labels[k]]))
  for (const expr of exprs) {
    const op = EXPRESSION_OPERATORS[expr.operator]
    if (!op) throw new LabelSelectorError(`${goQuote(expr.operator)} is not a valid label selector operator`)
    requirements.push(newRequirement(expr.key, op, [...(expr.values ?? [])]))
  }
  return Selector.of(requirements)
}

/** Returns whether `labels` match a metav1.LabelSelector (a missing selector matches nothing). */
export function matchLabelSelector(ls: LabelSelector | null | undefined, labels: Record<string, string> | undefined): boolean {
  return labelSelectorAsSelector(ls).matches(labels)
}

/**
 * Returns the error kubectl reports when the apiserver rejects a list selector:
 * `Unable to find "/v1, Resource=pods" that match label selector "a in (", field selector "": <reason>`
 * (reason BadRequest). `gvr` is the GroupVersionResource text, e.g. `apps/v1, Resource=deployments`.
 */
export function selectorListError(gvr: string, labelSelector: string, reason: string | Error, fieldSelector = ''): StatusError {
  const text = typeof reason === 'string' ? reason : reason.message
  return new StatusError('BadRequest', `Unable to find ${goQuote(gvr)} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${text}`)
}

/** Parses a `-l` selector for a list of `gvr`, converting a parse failure into kubectl's BadRequest. */
export function parseListSelector(gvr: string, text: string): Selector {
  try {
    return parseSelector(text)
  } catch (e) {
    if (e instanceof LabelSelectorError) throw selectorListError(gvr, text, e)
    throw e
  }
}
