// Tutorial transcripts: a file of `$ kbe …` commands each followed by its expected output, replayed in
// order against one fresh cluster with a pinned seed and a fake clock that only moves at `@wait <dur>`
// directives. Lines starting with `@` are directives (`@seed N`, `@now <RFC 3339>`, `@wait 30s`,
// `@# comment`); stderr lines are shown prefixed with `[stderr] ` after stdout and a non-zero exit code as
// `[exit N]`; output that ends without a newline is followed by `[no newline]`. A `| grep PATTERN` (or `grep -v`) after a command filters stdout as the shell would.
// With UPDATE_GOLDEN=1 the file is rewritten from what kbe printed.

import fs from 'node:fs'
import {runKbe, tempHome, type KbeResult} from './kbe.js'

export interface Step {
  command: string
  expected: string
}

export interface Transcript {
  header: string[]
  entries: ({kind: 'directive'; line: string} | ({kind: 'step'} & Step))[]
}

/** Returns the parsed transcript file. */
export function parseTranscript(text: string): Transcript {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const entries: Transcript['entries'] = []
  let current: ({kind: 'step'} & Step) | undefined
  for (const line of lines) {
    if (line.startsWith('$ ')) {
      current = {kind: 'step', command: line.slice(2), expected: ''}
      entries.push(current)
    } else if (line.startsWith('@')) {
      current = undefined
      entries.push({kind: 'directive', line})
    } else if (current) {
      current.expected += `${line}\n`
    } else if (line.trim() !== '') {
      throw new Error(`transcript line outside a step: ${line}`)
    }
  }
  return {header: [], entries}
}

/** Returns argv for a command line with shell-style quotes, and its grep filter if any. */
export function splitCommand(line: string): {args: string[]; grep?: {pattern: string; invert: boolean}} {
  const [cmd, ...pipes] = line.split(' | ')
  const args: string[] = []
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g
  for (let m = re.exec(cmd); m; m = re.exec(cmd)) args.push(m[1] ?? m[2] ?? m[3])
  if (args[0] !== 'kbe') throw new Error(`transcript commands must start with kbe: ${line}`)
  let grep: {pattern: string; invert: boolean} | undefined
  for (const p of pipes) {
    const g = /^grep (-v )?(.+)$/.exec(p.trim())
    if (!g) throw new Error(`unsupported pipe: ${p}`)
    grep = {pattern: g[2].replace(/^['"]|['"]$/g, ''), invert: Boolean(g[1])}
  }
  return {args: args.slice(1), grep}
}

/** Returns kbe's result rendered the way a transcript shows it. */
export function renderResult(result: KbeResult, grep?: {pattern: string; invert: boolean}): string {
  let stdout = result.stdout
  if (grep) {
    const lines = stdout.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''))
    stdout = lines.filter((l) => l.includes(grep.pattern) !== grep.invert).map((l) => `${l}\n`).join('')
  }
  // A response body without a final newline (curl) is marked, so the next `$` line stays a line of its own.
  if (stdout !== '' && !stdout.endsWith('\n')) stdout += '\n[no newline]\n'
  const stderr = result.stderr.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === '')).map((l) => `[stderr] ${l}\n`).join('')
  return stdout + stderr + (result.code !== 0 ? `[exit ${result.code}]\n` : '')
}

function parseDuration(text: string): number {
  const m = /^(\d+)(ms|s|m|h)$/.exec(text)
  if (!m) throw new Error(`bad duration ${text}`)
  return Number(m[1]) * {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[m[2] as 'ms']
}

/** Replays a transcript; returns the text kbe actually produced, in transcript form. */
export async function replayTranscript(file: string): Promise<{expected: string; actual: string}> {
  const expected = fs.readFileSync(file, 'utf8')
  const transcript = parseTranscript(expected)
  const home = tempHome('kbe-e2e-')
  let seed = 1
  let now = Date.parse('2026-11-25T16:30:00Z')
  let actual = ''
  try {
    for (const entry of transcript.entries) {
      if (entry.kind === 'directive') {
        actual += `${entry.line}\n`
        const [name, value] = entry.line.slice(1).split(/\s+/, 2)
        if (name === 'seed') seed = Number(value)
        else if (name === 'now') now = Date.parse(value)
        else if (name === 'wait') now += parseDuration(value)
        continue
      }
      const {args, grep} = splitCommand(entry.command)
      const result = await runKbe(args, {home, seed, now: new Date(now).toISOString()})
      actual += `$ ${entry.command}\n${renderResult(result, grep)}`
    }
  } finally {
    fs.rmSync(home, {recursive: true, force: true})
  }
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual)
  return {expected, actual}
}
