// Small shared pieces of core validation: file paths inside volumes (relative, no `..`), file modes,
// key-to-path items and ObjectFieldSelectors (downward API). Kept apart so that volume and container
// validation can both use them without importing each other.

import {invalidEach, invalidValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {isQualifiedName} from '../labels/validation.js'

/** The message for file modes outside 0..0777. */
export const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive'

/** Returns the error for a path containing a `..` element (validatePathNoBacksteps). */
export function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split('/').includes('..') ? [invalidValue(path, target, 'must not contain \'..\'')] : []
}

/** Returns the errors of a path that must be relative and free of `..` (validateLocalDescendingPath). */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs = target.startsWith('/') ? [invalidValue(path, target, 'must be a relative path')] : []
  return [...errs, ...validatePathNoBacksteps(target, path)]
}

/** Returns the errors of a path inside a volume (ValidateLocalNonReservedPath). */
export function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(target, path)
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalidValue(path, target, 'must not start with \'..\''))
  return errs
}

/** Returns the error for a file mode outside 0..0777, if set. */
export function validateFileMode(mode: number | undefined, path: FieldPath): FieldError[] {
  return mode !== undefined && (mode > 0o777 || mode < 0) ? [invalidValue(path, mode, FILE_MODE_ERROR)] : []
}

export interface KeyToPath {
  key?: string
  path?: string
  mode?: number
}

/** Returns the errors of a secret/configMap item (validateKeyToPath). */
export function validateKeyToPath(kp: KeyToPath, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (!kp.key) errs.push(required(path.child('key')))
  if (!kp.path) errs.push(required(path.child('path')))
  errs.push(...validateLocalNonReservedPath(kp.path ?? '', path.child('path')))
  errs.push(...validateFileMode(kp.mode, path.child('mode')))
  return errs
}

export interface ObjectFieldSelector {
  apiVersion?: string
  fieldPath?: string
}

// podshelper.ConvertDownwardAPIFieldLabel: the field labels a v1 pod accepts.
const CONVERTIBLE = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP',
  'status.hostIPs', 'status.podIP', 'status.podIPs', 'spec.host',
])

function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith('\']')) return undefined
  const idx = fieldPath.indexOf('[\'')
  if (idx <= 0) return undefined
  return [fieldPath.slice(0, idx), fieldPath.slice(idx + 2, -2)]
}

function conversionError(apiVersion: string, fieldPath: string): string | undefined {
  if (apiVersion !== 'v1') return `unsupported pod version: ${apiVersion}`
  const sub = splitSubscript(fieldPath)
  if (sub) return sub[0] === 'metadata.annotations' || sub[0] === 'metadata.labels' ? undefined : `field label does not support subscript: ${fieldPath}`
  return CONVERTIBLE.has(fieldPath) ? undefined : `field label not supported: ${fieldPath}`
}

/** Returns the errors of a downward-API field reference against the allowed `expressions` (sorted). */
export function validateObjectFieldSelector(fs: ObjectFieldSelector, expressions: readonly string[], path: FieldPath): FieldError[] {
  if (!fs.apiVersion) return [required(path.child('apiVersion'))]
  if (!fs.fieldPath) return [required(path.child('fieldPath'))]
  const convErr = conversionError(fs.apiVersion, fs.fieldPath)
  if (convErr) return [invalidValue(path.child('fieldPath'), fs.fieldPath, `error converting fieldPath: ${convErr}`)]
  const internal = fs.fieldPath === 'spec.host' ? 'spec.nodeName' : fs.fieldPath
  const sub = splitSubscript(internal)
  if (sub) {
    if (sub[0] === 'metadata.annotations') return invalidEach(path, sub[1].toLowerCase(), isQualifiedName(sub[1].toLowerCase()))
    if (sub[0] === 'metadata.labels') return invalidEach(path, sub[1], isQualifiedName(sub[1]))
    return [invalidValue(path, sub[0], 'does not support subscript')]
  }
  return expressions.includes(internal) ? [] : [notSupported(path.child('fieldPath'), internal, expressions)]
}
