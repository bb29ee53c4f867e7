// Turns a js-yaml error into the text go-yaml (inside kubectl's sigs.k8s.io/yaml) prints for the same
// broken document, e.g. `yaml: line 5: mapping values are not allowed in this context`. The two parsers
// notice problems at different places and word them differently, so this module reads the js-yaml reason
// plus the character at the error position and applies rules checked case by case against kubectl v1.32
// (the cases live in test/unit/manifests-kubectl-cases.test.ts). go-yaml's line numbers have a quirk
// kept here: scanner errors print the 1-based line, parser errors print the 0-based line of the offending
// token, and an error on the first line prints no line at all. Lines count from the start of each
// `---`-separated document (a leading `---` belongs to the document), because kubectl parses each
// document on its own. Pure functions only.

import {findTabProblem} from './yaml-tabs.js'

/** A go-yaml complaint: its reason text, the 0-based line it concerns and which stage reports it. */
export interface YamlProblem {
  line: number
  reason: string
  /** scanner errors print line+1, parser errors print line; 'reader' errors print no line. */
  stage: 'scanner' | 'parser' | 'reader'
}

/** What js-yaml reported: its reason and the 0-based position. */
export interface JsYamlMark {
  reason: string
  line: number
  column: number
  position: number
}

/** go-yaml's problem, or `rootOnly`: no error, because go-yaml reads only the root node and stops before it. */
export type YamlVerdict = {problem: YamlProblem} | {rootOnly: true}

/** Returns go-yaml's message for a problem, e.g. `yaml: line 4: did not find expected key`. */
export function formatYamlProblem(problem: YamlProblem): string {
  const line = problem.stage === 'scanner' ? problem.line + 1 : problem.line
  const where = problem.stage !== 'reader' && problem.line !== 0 ? `line ${line}: ` : ''
  return `yaml: ${where}${problem.reason}`
}

/**
 * Returns go-yaml's verdict on a document, given js-yaml's error (if js-yaml failed) and the document
 * text. go-yaml also rejects some tabs js-yaml accepts, so this is consulted even when js-yaml succeeded.
 */
export function explainYamlDocument(document: string, jsError: JsYamlMark | undefined): YamlVerdict | undefined {
  const lines = document.split('\n')
  const tab = findTabProblem(lines)
  if (tab && (!jsError || tab.line <= jsError.line)) return {problem: tab}
  if (!jsError) return undefined
  return explainJsYamlError(jsError, lines)
}

/** Returns go-yaml's verdict for a js-yaml error (see the module header). */
function explainJsYamlError(mark: JsYamlMark, lines: string[]): YamlVerdict {
  const {reason, line} = mark
  const scanner = (text: string, at = line): YamlVerdict => ({problem: {line: at, reason: text, stage: 'scanner'}})
  const parser = (text: string, at = line): YamlVerdict => ({problem: {line: at, reason: text, stage: 'parser'}})
  const reader = (text: string): YamlVerdict => ({problem: {line, reason: text, stage: 'reader'}})
  if (reason.startsWith('unidentified alias')) return reader(`unknown anchor '${/"(.*)"/.exec(reason)?.[1] ?? ''}' referenced`)
  if (reason.includes('non-printable characters')) return reader('control characters are not allowed')
  if (reason.startsWith('missed comma between flow collection entries')) {
    return parser(`did not find expected ',' or '${flowStateAt(lines, line, mark.column).closing}'`)
  }
  if (reason.startsWith('unexpected end of the stream within a flow collection')) {
    // Right after `[`, `{`, `,` or `:` go-yaml still wants a node; after an entry it wants `,` or the bracket.
    const {closing, last} = flowStateAt(lines, lines.length, 0)
    return parser('[{,:'.includes(last) ? 'did not find expected node content' : `did not find expected ',' or '${closing}'`)
  }
  if (/^unexpected end of the stream within a (double|single) quoted scalar/.test(reason)) {
    return scanner('found unexpected end of stream')
  }
  if (reason.startsWith('unknown escape sequence')) return scanner('found unknown escape character')
  if (/^name of an (alias|anchor) node must contain/.test(reason)) {
    return scanner('did not find expected alphabetic or numeric character')
  }
  if (reason.startsWith('a line break is expected')) return scanner('did not find expected comment or line break')
  if (reason.includes('a multiline key may not be an implicit key')) {
    // go-yaml notices at the token after the key: the `:` js-yaml stopped at, or whatever comes next.
    const atColon = (lines[line] ?? '')[mark.column] === ':'
    return scanner("could not find expected ':'", atColon ? line : nextTokenLine(lines, line))
  }
  if (reason.includes('a colon is missed')) return scanner("could not find expected ':'", nextTokenLine(lines, line))
  if (reason.startsWith('directives end mark is expected')) return explainDirective(lines, line)
  if (reason.startsWith('tab characters must not be used in indentation')) {
    return scanner('found character that cannot start any token')
  }
  if (STRUCTURAL_REASONS.some((prefix) => reason.startsWith(prefix))) return explainStructural(mark, lines)
  return scanner(reason)
}

const STRUCTURAL_REASONS = [
  'bad indentation of a mapping entry',
  'bad indentation of a sequence entry',
  'end of the stream or a document separator is expected',
  'incomplete explicit mapping pair',
]

/**
 * Explains js-yaml's indentation complaints by the character they point at: an unexpected `:` is
 * go-yaml's scanner error, an unexpected key or `-` is a parser error whose wording depends on whether
 * the enclosing block collection is a mapping or a sequence.
 */
function explainStructural(mark: JsYamlMark, lines: string[]): YamlVerdict {
  const text = lines[mark.line] ?? ''
  const ch = text[mark.column] ?? ''
  const next = text[mark.column + 1] ?? ''
  const blankAfter = next === '' || next === ' ' || next === '\t'
  const atValue = /:\s+$|(^|\s)-\s+$/.test(text.slice(0, mark.column))
  const firstColumn = text.length - text.trimStart().length
  const problem = (reason: string, stage: YamlProblem['stage']): YamlVerdict => ({problem: {line: mark.line, reason, stage}})
  if ('@`%'.includes(ch) && ch !== '') return problem('found character that cannot start any token', 'scanner')
  if (ch === ':' && blankAfter && mark.column > firstColumn) return problem('mapping values are not allowed in this context', 'scanner')
  if (ch === '?' && blankAfter && atValue) return problem('mapping keys are not allowed in this context', 'scanner')
  if (ch === '-' && blankAfter && atValue) return problem('block sequence entries are not allowed in this context', 'scanner')
  if (atValue && ',]}'.includes(ch) && ch !== '') return problem('did not find expected node content', 'parser')
  const dashLine = enclosingDashLine(lines, mark)
  if (dashLine !== undefined && !isIndentlessSequence(lines, dashLine)) {
    return problem("did not find expected '-' indicator", 'parser')
  }
  if (mark.reason.startsWith('end of the stream')) {
    // A line left of the root node's column ends the root, and go-yaml reads no further than the root.
    if (firstColumn < rootColumn(lines)) return {rootOnly: true}
    const root = rootKind(lines)
    if (root === 'sequence') return problem("did not find expected '-' indicator", 'parser')
    if (root === 'other') return {rootOnly: true}
  }
  return problem('did not find expected key', 'parser')
}

/**
 * Returns the line of the `-` entry whose block sequence the mis-indented token at `mark` falls into, if
 * any: for js-yaml's "sequence entry" complaint the nearest less-indented line above (when it is an entry),
 * otherwise an entry line above in exactly the token's column.
 */
function enclosingDashLine(lines: string[], mark: JsYamlMark): number | undefined {
  const inSequenceEntry = mark.reason.startsWith('bad indentation of a sequence entry')
  for (let i = mark.line - 1; i >= 0; i--) {
    const trimmed = lines[i].trimStart()
    const indent = indentOf(lines[i])
    if (trimmed === '' || trimmed.startsWith('#') || indent > mark.column) continue
    if (inSequenceEntry && indent === mark.column) continue
    const isEntry = /^-(\s|$)/.test(trimmed)
    return isEntry && (inSequenceEntry || indent === mark.column) ? i : undefined
  }
  return undefined
}

/**
 * Returns whether the sequence with the entry at `dashLine` is "indentless" (its `-` sits in the same
 * column as the parent key), in which case go-yaml falls back to the parent mapping and says "did not
 * find expected key" instead of "did not find expected '-' indicator".
 */
function isIndentlessSequence(lines: string[], dashLine: number): boolean {
  const dashColumn = indentOf(lines[dashLine])
  for (let i = dashLine - 1; i >= 0; i--) {
    const trimmed = lines[i].trimStart()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const indent = indentOf(lines[i])
    if (indent < dashColumn) return false
    if (indent === dashColumn && !/^-(\s|$)/.test(trimmed)) return true
  }
  return false
}

/** Returns the document's first content line (not blank, comment, directive or `---`), untrimmed. */
function firstContentLine(lines: string[]): string | undefined {
  return lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#') && !l.startsWith('%') && !/^---(\s|$)/.test(l))
}

/** Returns the column the document's root node starts in. */
function rootColumn(lines: string[]): number {
  return indentOf(firstContentLine(lines) ?? '')
}

/** Returns what the document's root node is, judged from its first content line. */
function rootKind(lines: string[]): 'mapping' | 'sequence' | 'other' {
  const first = firstContentLine(lines)?.trim()
  if (first === undefined) return 'other'
  if (/^-(\s|$)/.test(first)) return 'sequence'
  if (/^["'[{|>]/.test(first)) return 'other'
  return /:(\s|$)/.test(first.replace(/\s#.*$/, '')) ? 'mapping' : 'other'
}

/**
 * Returns the closing bracket of the innermost flow collection still open at (line, column), and the
 * last significant character before that point (quotes and comments skipped over).
 */
function flowStateAt(lines: string[], line: number, column: number): {closing: string; last: string} {
  const text = [...lines.slice(0, line), (lines[line] ?? '').slice(0, column)].join('\n')
  const open: string[] = []
  let quote: string | undefined
  let last = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === '\\' && quote === '"') i++
      else if (ch === quote) quote = undefined
      if (!quote) last = ch
      continue
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++
      continue
    }
    if (ch === '"' || ch === "'") quote = ch
    else if (ch === '[' || ch === '{') open.push(ch)
    else if ((ch === ']' || ch === '}') && open.length > 0) open.pop()
    if (!/\s/.test(ch)) last = ch
  }
  return {closing: open.at(-1) === '[' ? ']' : '}', last}
}

/** Returns the 0-based line of the first token after `line` (the end-of-stream line if none). */
function nextTokenLine(lines: string[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) {
    const trimmed = lines[i].trim()
    if (trimmed !== '' && !trimmed.startsWith('#')) return i
  }
  return lines.length - 1
}

/** Explains a document that has directives but no `---` after them. */
function explainDirective(lines: string[], line: number): YamlVerdict {
  const unknown = lines.findIndex((l) => /^%/.test(l) && !/^%(YAML|TAG)(\s|$)/.test(l))
  if (unknown >= 0) return {problem: {line: unknown, reason: 'found unknown directive name', stage: 'scanner'}}
  return {problem: {line, reason: 'did not find expected <document start>', stage: 'parser'}}
}

/** Returns the number of leading spaces. */
function indentOf(line: string): number {
  return /^ */.exec(line)![0].length
}
