// Finds the tabs that go-yaml (kubectl's YAML reader) rejects but js-yaml accepts or reports elsewhere:
// a tab in the indentation of a block-context line (including whitespace-only lines and the blanks after
// `- `), and a tab before the content indentation of a block scalar. go-yaml words the first case by what
// came before: after a plain scalar that could continue onto the tab's line it says "found a tab character
// that violates indentation", otherwise "found character that cannot start any token". This is a line
// scanner, not a YAML parser: it follows flow brackets, quotes and block scalars only well enough to know
// whether a line is in block context. It reads nothing and throws nothing.

import type {YamlProblem} from './yaml-errors.js'

interface ScanState {
  flowDepth: number
  quote: '"' | "'" | undefined
  blockScalar: {parentIndent: number; contentIndent?: number} | undefined
}

const CANNOT_START = 'found character that cannot start any token'
const VIOLATES = 'found a tab character that violates indentation'
const BLOCK_SCALAR_TAB = 'found a tab character where an indentation space is expected'

/** Returns go-yaml's complaint about the first tab it would reject in `lines` (0-based line), if any. */
export function findTabProblem(lines: string[]): YamlProblem | undefined {
  const state: ScanState = {flowDepth: 0, quote: undefined, blockScalar: undefined}
  let previous: string | undefined // last non-blank, non-comment line seen in block context
  for (const [index, line] of lines.entries()) {
    if (state.blockScalar) {
      const verdict = classifyBlockScalarLine(line, state.blockScalar)
      if (verdict === 'tab') return {line: index, reason: BLOCK_SCALAR_TAB, stage: 'scanner'}
      if (verdict === 'content') continue
      state.blockScalar = undefined
    }
    if (state.flowDepth > 0 || state.quote) {
      scanLine(line, state)
      continue
    }
    const lead = /^[ \t]*(?:-(?:[ \t]+|$))*/.exec(line)![0]
    const tab = lead.indexOf('\t')
    if (tab >= 0) {
      const reason = tabReason(previous, tab)
      if (reason) return {line: index, reason, stage: 'scanner'}
    }
    const content = line.trim()
    if (/^(---|\.\.\.)(\s|$)/.test(line)) previous = undefined
    else if (content !== '' && !content.startsWith('#')) previous = line
    scanLine(line, state)
  }
  return undefined
}

/** Returns how go-yaml words a tab at `column` after the line `previous`, or undefined when it is allowed. */
function tabReason(previous: string | undefined, column: number): string | undefined {
  if (previous === undefined) return CANNOT_START
  const withoutComment = stripComment(previous)
  const ending = withoutComment.trimEnd()
  const endsPlainScalar = withoutComment === previous && ending !== '' && !/(^|\s)-$|[:\]}"'|>,[{]$/.test(ending)
  if (!endsPlainScalar) return CANNOT_START
  // A plain scalar may continue on a line indented past its parent collection, and there the tab is
  // just whitespace. The parent is the mapping of the line's key, or the sequence of its last `-`.
  const lead = /^ *(?:- +)*/.exec(previous)![0]
  const hasKey = /^[^\s#][^#]*?:(\s|$)/.test(previous.slice(lead.length))
  const parentColumn = hasKey ? lead.length : Math.max(lead.lastIndexOf('-'), indentOf(previous))
  return column <= parentColumn ? VIOLATES : undefined
}

/** Returns whether a line inside a block scalar is content, ends the scalar, or has a rejected tab. */
function classifyBlockScalarLine(line: string, scalar: NonNullable<ScanState['blockScalar']>): 'content' | 'end' | 'tab' {
  const spaces = indentOf(line)
  const rest = line.slice(spaces)
  if (rest === '') return 'content'
  if (rest.startsWith('\t')) {
    return scalar.contentIndent === undefined || spaces < scalar.contentIndent ? 'tab' : 'content'
  }
  if (spaces <= scalar.parentIndent) return 'end'
  scalar.contentIndent ??= spaces
  return 'content'
}

/** Advances the flow/quote state over one line and notes a block scalar header at its end. */
function scanLine(line: string, state: ScanState): void {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (state.quote === '"') {
      if (ch === '\\') i++
      else if (ch === '"') state.quote = undefined
    } else if (state.quote === "'") {
      if (ch === "'" && line[i + 1] === "'") i++
      else if (ch === "'") state.quote = undefined
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      break
    } else if ((ch === '"' || ch === "'") && startsToken(line, i)) {
      state.quote = ch
    } else if ((ch === '[' || ch === '{') && (state.flowDepth > 0 || startsToken(line, i))) {
      state.flowDepth++
    } else if ((ch === ']' || ch === '}') && state.flowDepth > 0) {
      state.flowDepth--
    }
  }
  if (state.flowDepth > 0 || state.quote) return
  const header = /^(.*?)(?:^|\s)[|>][0-9+-]*$/.exec(stripComment(line).trimEnd())
  if (!header || !/(^|:|(^|\s)-)\s*$/.test(header[1] + ' ')) return
  const dash = /^(\s*)-\s*$/.exec(header[1])
  const lead = /^[ ]*(?:-[ ]+)*/.exec(line)![0].length
  state.blockScalar = {parentIndent: dash ? dash[1].length : lead}
}

/** Returns whether the character at `index` begins a token (nothing but indicators and blanks before it). */
function startsToken(line: string, index: number): boolean {
  const before = line.slice(0, index).trimEnd()
  return before === '' || /[:,[{?-]$/.test(before)
}

/** Returns the line without a trailing ` # comment` (quotes are not considered). */
function stripComment(line: string): string {
  return line.replace(/(^|\s)#.*$/, '')
}

/** Returns the number of leading spaces. */
function indentOf(line: string): number {
  return /^ */.exec(line)![0].length
}
