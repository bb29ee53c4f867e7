// One label selector requirement (key, operator, values) as apimachinery's labels.Requirement: its
// validation (NewRequirement, with the exact field-error texts the apiserver returns), its matching
// semantics and its canonical string form. Selector parsing and the Selector type live beside it.

import {aggregateText, errorText, FieldPath, invalidValue, type FieldError} from '../validation/field.js'
import {goStringSlice} from '../validation/go-format.js'
import {isQualifiedName, isValidLabelValue} from './validation.js'

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!'

export interface Requirement {
  key: string
  operator: Operator
  /** The values, sorted (the parser builds them from a set). */
  values: string[]
}

/** The error thrown for an unparsable or invalid selector; its message is the apiserver's text. */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelSelectorError'
  }
}

/** Returns the key's validation error (Invalid on `path`, messages joined by `; `), if any. */
export function labelKeyError(key: string, path: FieldPath): FieldError | undefined {
  const errs = isQualifiedName(key)
  return errs.length > 0 ? invalidValue(path, key, errs.join('; ')) : undefined
}

const INT64 = /^[+-]?\d+$/

/** Returns the value as a bigint when it parses like strconv.ParseInt(s, 10, 64), else undefined. */
export function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined
  const n = BigInt(s)
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined
}

function operatorErrors(op: Operator, vals: string[], valuePath: FieldPath): FieldError[] {
  // Empty value lists reach here only from LabelSelectorAsSelector, which passes a nil slice.
  const slice = goStringSlice(vals.length === 0 ? null : vals)
  switch (op) {
    case 'in': case 'notin':
      return vals.length === 0 ? [invalidValue(valuePath, slice, 'for \'in\', \'notin\' operators, values set can\'t be empty')] : []
    case '=': case '==': case '!=':
      return vals.length !== 1 ? [invalidValue(valuePath, slice, 'exact-match compatibility requires one single value')] : []
    case 'exists': case '!':
      return vals.length !== 0 ? [invalidValue(valuePath, slice, 'values set must be empty for exists and does not exist')] : []
    case 'gt': case 'lt': {
      const errs = vals.length !== 1 ? [invalidValue(valuePath, slice, 'for \'Gt\', \'Lt\' operators, exactly one value is required')] : []
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalidValue(valuePath.index(i), v, 'for \'Gt\', \'Lt\' operators, the value must be an integer'))
      })
      return errs
    }
  }
}

/**
 * Returns a validated requirement (labels.NewRequirement) or throws LabelSelectorError with the
 * aggregate of its field errors. `path` is the selector's field path; the apiserver passes none.
 */
export function newRequirement(key: string, op: Operator, vals: string[], path: FieldPath = FieldPath.nil()): Requirement {
  const errs: FieldError[] = []
  const keyErr = labelKeyError(key, path.child('key'))
  if (keyErr) errs.push(keyErr)
  const valuePath = path.child('values')
  errs.push(...operatorErrors(op, vals, valuePath))
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v)
    if (msgs.length > 0) errs.push(invalidValue(valuePath.index(i).key(key), v, msgs.join('; ')))
  })
  if (errs.length > 0) throw new LabelSelectorError(aggregateText(errs.map(errorText)))
  return {key, operator: op, values: vals}
}

/** Returns whether the requirement matches the label set (labels.Requirement.Matches). */
export function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key)
  const value = has ? labels[r.key] : undefined
  switch (r.operator) {
    case 'in': case '=': case '==':
      return has && r.values.includes(value as string)
    case 'notin': case '!=':
      return !has || !r.values.includes(value as string)
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt': case 'lt': {
      if (!has || r.values.length !== 1) return false
      const actual = parseInt64(value as string)
      const bound = parseInt64(r.values[0])
      if (actual === undefined || bound === undefined) return false
      return r.operator === 'gt' ? actual > bound : actual < bound
    }
  }
}

const OPERATOR_TEXT: Record<Operator, string> = {
  '=': '=', '==': '==', '!=': '!=', 'in': ' in ', 'notin': ' notin ', 'gt': '>', 'lt': '<', 'exists': '', '!': '',
}

/** Returns the canonical text of a requirement: `k=v`, `k in (a,b)`, `k`, `!k`, `k>1`. */
export function requirementString(r: Requirement): string {
  if (r.operator === 'exists') return r.key
  if (r.operator === '!') return `!${r.key}`
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',')
  const set = r.operator === 'in' || r.operator === 'notin'
  return `${r.key}${OPERATOR_TEXT[r.operator]}${set ? `(${values})` : values}`
}
