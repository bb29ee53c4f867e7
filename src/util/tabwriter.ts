// Go text/tabwriter semantics, which both `kubectl get` (minwidth 6, padding 3) and `kubectl describe`
// (minwidth 0, padding 2) rely on. Text is split into lines and cells at `\t`; the piece after the last
// tab of a line is trailing text, never padded nor measured. Column c is laid out in blocks: maximal
// runs of consecutive lines that have more than c cells; each block gets its own width. This module
// only lays text out: it knows nothing about kubectl's columns.

export interface TabwriterOptions {
  minwidth: number
  padding: number
}

/** kubectl get's tabwriter settings (printers.GetNewTabWriter). */
export const GET_TABWRITER: TabwriterOptions = {minwidth: 6, padding: 3}
/** kubectl describe's tabwriter settings (tabbedString). */
export const DESCRIBE_TABWRITER: TabwriterOptions = {minwidth: 0, padding: 2}

/** Returns the number of Unicode code points in `s` (Go's utf8.RuneCountInString). */
export function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Returns `text` laid out the way Go's tabwriter would print it. */
export function formatTabbed(text: string, options: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n')
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'))
  // cells[i] = tab-terminated cells of line i; the last piece is trailing text.
  const widths: number[][] = lines.map(() => [])
  layoutColumn(lines, widths, 0, 0, lines.length, options)
  const out = lines.map((pieces, i) => {
    let line = ''
    for (let c = 0; c < pieces.length - 1; c++) {
      const cell = pieces[c]
      line += cell + ' '.repeat(Math.max(0, widths[i][c] - runeCount(cell)))
    }
    return line + pieces[pieces.length - 1]
  })
  return out.join('\n') + (endsWithNewline ? '\n' : '')
}

function cellCount(pieces: string[]): number {
  return pieces.length - 1
}

function layoutColumn(lines: string[][], widths: number[][], column: number, start: number, end: number, options: TabwriterOptions): void {
  let i = start
  while (i < end) {
    if (cellCount(lines[i]) <= column) {
      i++
      continue
    }
    // A block: consecutive lines with a cell in this column.
    let blockEnd = i
    let width = options.minwidth
    while (blockEnd < end && cellCount(lines[blockEnd]) > column) {
      width = Math.max(width, runeCount(lines[blockEnd][column]) + options.padding)
      blockEnd++
    }
    for (let j = i; j < blockEnd; j++) widths[j][column] = width
    layoutColumn(lines, widths, column + 1, i, blockEnd, options)
    i = blockEnd
  }
}
