// Evaluation of a parsed jsonpath template against a JSON-shaped value, with client-go's semantics as
// kubectl uses them (AllowMissingKeys: a missing field yields nothing, not an error): each root node
// yields one list of results; `range … end` repeats the nodes in between per result; filters compare
// with Go template rules; `[i]` is bounds-checked. Map iteration (`*`, `..`) is random in Go; kbe uses
// sorted key order so output is stable. Pure: returns data, prints nothing (print.ts formats results).
import {compareCodePoints} from '../json.js'
import type {JsonPathNode, ListNode, SliceParam} from './parse.js'

/** A runtime error of template execution (bad index, bad comparison, `end` outside `range`). */
export class JsonPathExecError extends Error {}

type Value = unknown

const isMap = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Returns the results of each root node of the template, as client-go's FindResults does. */
export function findResults(template: ListNode, data: Value): Value[][] {
  return new Evaluator().run(template.nodes, data)
}

class Evaluator {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode: JsonPathNode | undefined

  run(nodes: JsonPathNode[], data: Value): Value[][] {
    const cur = [data]
    const full: Value[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i])
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = nodes[i]
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        const body = nodes.slice(i + 1)
        if (results.length > 0) for (const value of results) full.push(...this.run(body, value))
        else this.run(body, null) // still walk to the matching `end`
        this.inRange--
        // Resume after the `end` that closed this range.
        const endAt = nodes.indexOf(this.lastEndNode!, i + 1)
        if (endAt >= 0) i = endAt
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce((values, child) => this.walk(values, child), input)
      case 'text':
        return [node.text]
      case 'field':
        return input.filter(isMap).filter((m) => m[node.name] !== undefined).map((m) => m[node.name])
      case 'array':
        return input.filter((v) => v !== null && v !== undefined).flatMap((v) => sliceArray(v, node.params))
      case 'filter':
        return input.flatMap((v) => this.filterArray(v, node))
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return input.flatMap(children)
      case 'recursive':
        return descend(input)
      case 'union':
        return node.nodes.flatMap((list) => this.walk(input, list))
      case 'identifier':
        return this.identifier(input, node.name)
    }
  }

  private identifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange === 0) throw new JsonPathExecError('not in range, nothing to end')
      this.endRange++
      return []
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`)
  }

  private filterArray(value: Value, node: Extract<JsonPathNode, {type: 'filter'}>): Value[] {
    if (!Array.isArray(value)) throw new JsonPathExecError(`${goTypeName(value)} is not array or slice and cannot be filtered`)
    return value.filter((item) => {
      if (node.operator === 'exists') {
        try {
          return this.walk([item], node.left).length > 0
        } catch {
          return false
        }
      }
      const lefts = this.walk([item], node.left)
      if (lefts.length === 0) return false
      if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time')
      const rights = this.walk([item], node.right)
      if (rights.length === 0) return false
      if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time')
      return compareValues(lefts[0], rights[0], node.operator)
    })
  }
}

/** Returns the elements an `[start:end:step]` selects, with client-go's bounds errors. */
function sliceArray(value: Value, params: SliceParam[]): Value[] {
  if (!Array.isArray(value)) throw new JsonPathExecError(`${goTypeName(value)} is not array or slice`)
  const len = value.length
  let start = params[0].known ? params[0].value : 0
  if (start < 0) start += len
  let end = params[1].known ? params[1].value : len
  if (end < 0 || (end === 0 && params[1].derived)) end += len
  if (end === start) return []
  if (start >= len || start < 0) throw new JsonPathExecError(`array index out of bounds: index ${start}, length ${len}`)
  if (end > len || end < 0) throw new JsonPathExecError(`array index out of bounds: index ${end - 1}, length ${len}`)
  if (start > end) throw new JsonPathExecError(`starting index ${start} is greater than ending index ${end}`)
  const step = params[2].known ? params[2].value : 1
  if (step <= 0) throw new JsonPathExecError('step must be > 0')
  return value.slice(start, end).filter((_, i) => i % step === 0)
}

/** Returns the direct children of a value: map values (sorted by key), array items, string bytes. */
function children(value: Value): Value[] {
  if (Array.isArray(value)) return value
  if (isMap(value)) return Object.keys(value).sort(compareCodePoints).map((k) => value[k]).filter((v) => v !== undefined)
  if (typeof value === 'string') return Array.from(new TextEncoder().encode(value))
  return []
}

/** Returns every container reachable from the inputs, each before its descendants (the `..` operator). */
function descend(input: Value[]): Value[] {
  return input.flatMap((value) => {
    const kids = children(value)
    return kids.length > 0 ? [value, ...descend(kids)] : []
  })
}

type Kind = 'bool' | 'int' | 'float' | 'string'

function basicKind(v: Value): Kind | undefined {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  return undefined
}

/** Compares two filter operands the way Go's template eq/ne/lt/le/gt/ge do. */
function compareValues(left: Value, right: Value, operator: string): boolean {
  const lk = basicKind(left)
  const rk = basicKind(right)
  if (!lk || !rk) throw new JsonPathExecError('invalid type for comparison')
  if (lk !== rk) throw new JsonPathExecError('incompatible types for comparison')
  const l = left as number | string | boolean
  const r = right as number | string | boolean
  if (operator === '==') return l === r
  if (operator === '!=') return l !== r
  if (lk === 'bool') throw new JsonPathExecError('invalid type for comparison')
  switch (operator) {
    case '<':
      return l < r
    case '>':
      return l > r
    case '<=':
      return l <= r
    case '>=':
      return l >= r
    default:
      throw new JsonPathExecError(`unrecognized filter operator ${operator}`)
  }
}

/** Returns the Go type name of a decoded JSON value, as client-go's error texts show it. */
export function goTypeName(v: Value): string {
  if (Array.isArray(v)) return '[]interface {}'
  if (isMap(v)) return 'map[string]interface {}'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return typeof v === 'string' || typeof v === 'boolean' ? typeof v : '<nil>'
}
