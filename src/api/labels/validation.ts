// Label key and value rules (apimachinery IsQualifiedName / IsValidLabelValue and metav1 validation's
// ValidateLabels) with their exact v1.32 messages. Used by object validation (metadata.labels,
// selectors, nodeSelector), by the selector parser and by `label` commands. Label maps are checked in
// sorted key order: Go iterates maps randomly, kbe picks the one stable order.

import type {FieldCause} from '../errors.js'
import {FieldPath, invalidEach, toCauses, type FieldError} from '../validation/field.js'
import {isDNS1123Subdomain, maxLenError, regexError} from '../validation/names.js'

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`)
const QUALIFIED_NAME_MSG = 'must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character'
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`)
const LABEL_VALUE_MSG = 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character'

/** Checks a qualified name (label keys, annotation keys, finalizers): `[prefix/]name`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0]
  } else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  } else {
    return [`a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`)
  if (!QUALIFIED_NAME_RE.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

/** Checks a label value: empty, or ≤ 63 chars of [-A-Za-z0-9_.] starting and ending alphanumeric. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push(maxLenError(63))
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
}

/** Returns the errors of one label key on `path` (metav1 ValidateLabelName). */
export function validateLabelName(key: string, path: FieldPath): FieldError[] {
  return invalidEach(path, key, isQualifiedName(key))
}

/** Returns the errors of a label map; every error is on `path` itself, as upstream reports them. */
export function validateLabelMap(labels: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  if (!labels) return []
  return Object.keys(labels).sort().flatMap((k) => [
    ...validateLabelName(k, path),
    ...invalidEach(path, labels[k], isValidLabelValue(labels[k])),
  ])
}

/** Returns the Status causes for a label map at a dotted field path (e.g. `metadata.labels`). */
export function validateLabels(labels: Record<string, string> | undefined, fieldPath: string): FieldCause[] {
  const [root, ...rest] = fieldPath.split('.')
  return toCauses(validateLabelMap(labels, FieldPath.of(root, ...rest)))
}
