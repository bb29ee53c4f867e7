// Field-level validation errors, modelled on apimachinery's util/validation/field: an error type
// (Required, Invalid, NotSupported, ...), the field path, the bad value and a detail, rendered into the
// cause text the apiserver returns (`Invalid value: 0: must be between 1 and 65535, inclusive`). Bad
// values are printed the way the v1.32 apiserver prints them: numbers and bools bare, strings Go-quoted,
// anything else in Go's `%#v` syntax (see go-format.ts). This module owns the text only; which rules
// produce errors lives in the per-kind validators.

import type {FieldCause} from '../errors.js'
import {goQuote, GoLiteral} from './go-format.js'

export type FieldErrorType =
  | 'Required' | 'Invalid' | 'NotSupported' | 'Forbidden' | 'Duplicate' | 'NotFound' | 'TooLong' | 'TooMany' | 'TypeInvalid'

/** A value as the error prints it: JS numbers/bools bare, strings quoted, GoLiteral verbatim. */
export type BadValue = string | number | boolean | GoLiteral

export interface FieldError {
  type: FieldErrorType
  /** The rendered field path, e.g. `spec.containers[0].name`; `<nil>` for a nil path. */
  field: string
  value?: BadValue
  detail: string
}

/** A field path as apimachinery's field.Path: a root name, `.child`, `[index]` and `[key]` steps. */
export class FieldPath {
  private constructor(private readonly text: string | null) {}

  /** Returns a path starting at `name` (further names become children). */
  static of(name: string, ...more: string[]): FieldPath {
    return more.reduce((p, n) => p.child(n), new FieldPath(name))
  }

  /** Returns the nil path, which prints as `<nil>` (labels.Parse without a path). */
  static nil(): FieldPath {
    return new FieldPath(null)
  }

  /** Returns the path of a child field; on the nil path the child becomes the root. */
  child(name: string, ...more: string[]): FieldPath {
    const first = new FieldPath(this.text === null || this.text === '' ? name : `${this.text}.${name}`)
    return more.reduce((p, n) => p.child(n), first)
  }

  /** Returns the path of list element `i`. */
  index(i: number): FieldPath {
    return new FieldPath(`${this.text ?? ''}[${i}]`)
  }

  /** Returns the path of map entry `k` (printed unquoted, like field.Path.Key). */
  key(k: string): FieldPath {
    return new FieldPath(`${this.text ?? ''}[${k}]`)
  }

  toString(): string {
    return this.text ?? '<nil>'
  }
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
  NotFound: 'Not found',
  TooLong: 'Too long',
  TooMany: 'Too many',
  TypeInvalid: 'Invalid value',
}

// Required/Forbidden/TooLong never print their value (field.Error.ErrorBody).
const VALUELESS: ReadonlySet<FieldErrorType> = new Set(['Required', 'Forbidden', 'TooLong'])

/** Returns a Required error (`Required value[: detail]`). */
export function required(path: FieldPath, detail = ''): FieldError {
  return {type: 'Required', field: path.toString(), detail}
}

/** Returns an Invalid error (`Invalid value: <value>: detail`). */
export function invalidValue(path: FieldPath, value: BadValue, detail: string): FieldError {
  return {type: 'Invalid', field: path.toString(), value, detail}
}

/** Returns a NotSupported error listing the supported values, quoted, in the given order. */
export function notSupported(path: FieldPath, value: BadValue, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : ''
  return {type: 'NotSupported', field: path.toString(), value, detail}
}

/** Returns a Forbidden error. */
export function forbidden(path: FieldPath, detail: string): FieldError {
  return {type: 'Forbidden', field: path.toString(), detail}
}

/** Returns a Duplicate error. */
export function duplicate(path: FieldPath, value: BadValue): FieldError {
  return {type: 'Duplicate', field: path.toString(), value, detail: ''}
}

/** Returns a NotFound error. */
export function notFoundValue(path: FieldPath, value: BadValue): FieldError {
  return {type: 'NotFound', field: path.toString(), value, detail: ''}
}

/** Returns a TooLong error (`Too long: may not be more than N bytes`). */
export function tooLong(path: FieldPath, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long'
  return {type: 'TooLong', field: path.toString(), detail}
}

/** Returns the value as field.Error prints it. */
export function formatBadValue(value: BadValue): string {
  if (value instanceof GoLiteral) return value.text
  if (typeof value === 'string') return goQuote(value)
  return String(value)
}

/** Returns the error body without the field: `<Type>[: <value>][: <detail>]`. */
export function errorBody(err: FieldError): string {
  let s = TYPE_TEXT[err.type]
  if (!VALUELESS.has(err.type) && err.value !== undefined) s += `: ${formatBadValue(err.value)}`
  if (err.detail) s += `: ${err.detail}`
  return s
}

/** Returns the whole error text, `<field>: <body>`, as field.Error.Error() does. */
export function errorText(err: FieldError): string {
  return `${err.field}: ${errorBody(err)}`
}

/** Converts field errors into the Status causes the apiserver returns, keeping their order. */
export function toCauses(errs: readonly FieldError[]): FieldCause[] {
  return errs.map((e) => ({field: e.field, message: errorBody(e)}))
}

/** Returns one Invalid error per message, all on the same path and value (the `for _, msg := range` idiom). */
export function invalidEach(path: FieldPath, value: BadValue, messages: readonly string[]): FieldError[] {
  return messages.map((m) => invalidValue(path, value, m))
}

/** Returns the text of an aggregate of errors: one message alone, several as `[a, b]`, duplicates dropped. */
export function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)]
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`
}
