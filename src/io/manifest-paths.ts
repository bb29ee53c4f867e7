// Turns kubectl's `-f` arguments into the list of sources to read, as cli-runtime's Builder.FilenameParam
// does before anything is read: `-` is stdin (once only), `http://`/`https://` are URLs, anything else is
// a path — a missing path is tried as a glob pattern (Go's filepath.Glob), a directory contributes its
// .json/.yaml/.yml files in byte order (subdirectories only with -R), and a file named explicitly is read
// whatever its extension. Problems found here (missing path, bad pattern, directory without manifests)
// are returned together, because kubectl reports them all before reading any source.

import {lstatSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'

/** One source to read, in kubectl's visiting order. */
export type ManifestInput = {kind: 'stdin'} | {kind: 'url'; url: string} | {kind: 'file'; path: string}

const FILE_EXTENSIONS = ['.json', '.yaml', '.yml']

/** Returns the sources named by `-f` arguments, and the up-front errors (texts without `error: `). */
export function expandFilenames(filenames: string[], recursive: boolean): {inputs: ManifestInput[]; errors: string[]} {
  const inputs: ManifestInput[] = []
  const errors: string[] = []
  let stdinUsed = false
  for (const name of filenames) {
    if (name === '-') {
      if (stdinUsed) errors.push('standard input cannot be used for multiple arguments')
      stdinUsed = true
      inputs.push({kind: 'stdin'})
    } else if (name.startsWith('http://') || name.startsWith('https://')) {
      const problem = urlProblem(name)
      if (problem === undefined) inputs.push({kind: 'url', url: name})
      else errors.push(`the URL passed to filename ${JSON.stringify(name)} is not valid: parse ${JSON.stringify(name)}: ${problem}`)
    } else {
      expandPath(name, recursive, inputs, errors)
    }
  }
  return {inputs, errors}
}

/** Returns why a URL cannot be used (Go's url.Parse wording where kbe knows it), or undefined. */
function urlProblem(url: string): string | undefined {
  const host = /^[a-z]+:\/\/(?:[^/?#@]*@)?([^/?#]*)/i.exec(url)?.[1] ?? ''
  const bad = /[^A-Za-z0-9.\-_~!$&'()*+,;=:[\]%]/.exec(host)?.[0]
  if (bad !== undefined) return `invalid character ${JSON.stringify(bad)} in host name`
  return URL.canParse(url) ? undefined : 'invalid URL'
}

/** Adds the files a path argument names (Builder.Path), or its error. */
function expandPath(name: string, recursive: boolean, inputs: ManifestInput[], errors: string[]): void {
  let matches: string[]
  if (exists(name)) matches = [name]
  else {
    const globbed = glob(name)
    if (globbed === undefined) return void errors.push(`pattern ${JSON.stringify(name)} is not valid: syntax error in pattern`)
    if (globbed.length === 0) return void errors.push(`the path ${JSON.stringify(name)} does not exist`)
    matches = globbed
  }
  for (const path of matches) {
    try {
      inputs.push(...walkManifestFiles(path, recursive).map((file) => ({kind: 'file' as const, path: file})))
    } catch (error) {
      errors.push(`error reading ${JSON.stringify(path)}: ${describeFsError(error)}`)
    }
  }
  // kubectl checks this after each argument, against everything collected so far.
  if (inputs.length === 0 && errors.length === 0) {
    errors.push(`error reading [${matches.join(' ')}]: recognized file extensions are [${FILE_EXTENSIONS.join(' ')}]`)
  }
}

/** Returns the manifest files under `root` in filepath.Walk order (root itself if it is a file). */
export function walkManifestFiles(root: string, recursive: boolean): string[] {
  if (!statSync(root).isDirectory()) return [root]
  const files: string[] = []
  for (const name of readdirSync(root).sort(compareBytes)) {
    const path = join(root, name)
    if (lstatSync(path).isDirectory()) {
      if (recursive) files.push(...walkManifestFiles(path, true))
    } else if (FILE_EXTENSIONS.includes(extensionOf(name))) {
      files.push(path)
    }
  }
  return files
}

/** Returns Go's filepath.Ext: the suffix from the last dot of the name, or ''. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot)
}

/** Returns the paths matching a Go filepath.Glob pattern (sorted), or undefined for a bad pattern. */
export function glob(pattern: string): string[] | undefined {
  const slash = pattern.lastIndexOf('/')
  const dir = pattern.slice(0, slash + 1)
  const base = pattern.slice(slash + 1)
  const matcher = globSegmentRegExp(base)
  if (!matcher) return undefined
  if (!/[*?[\\]/.test(pattern)) return exists(pattern) ? [pattern] : []
  const cleanDir = dir === '' ? '.' : dir === '/' ? '/' : dir.slice(0, -1)
  const dirs = /[*?[\\]/.test(cleanDir) ? glob(cleanDir) : [cleanDir]
  if (!dirs) return undefined
  const matches: string[] = []
  for (const parent of dirs) {
    let names: string[]
    try {
      if (!statSync(parent).isDirectory()) continue
      names = readdirSync(parent).sort(compareBytes)
    } catch {
      continue
    }
    for (const name of names) if (matcher.test(name)) matches.push(dir === '' ? name : join(parent, name))
  }
  return matches
}

/** Returns a RegExp for one path segment of a Go glob (`*`, `?`, `[a-z]`, `[^x]`, `\` escapes), or undefined. */
function globSegmentRegExp(segment: string): RegExp | undefined {
  let source = '^'
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]
    if (ch === '*') source += '[^/]*'
    else if (ch === '?') source += '[^/]'
    else if (ch === '\\') {
      if (++i >= segment.length) return undefined
      source += escapeRegExp(segment[i])
    } else if (ch === '[') {
      const end = parseClass(segment, i + 1)
      if (!end) return undefined
      source += end.source
      i = end.next - 1
    } else source += escapeRegExp(ch)
  }
  return new RegExp(`${source}$`)
}

/** Parses a `[...]` class starting after `[`; returns its RegExp source and the index after `]`. */
function parseClass(segment: string, start: number): {source: string; next: number} | undefined {
  let i = start
  const negate = segment[i] === '^'
  if (negate) i++
  const ranges: string[] = []
  const takeChar = (): string | undefined => {
    let ch = segment[i]
    if (ch === undefined || ch === '-' || ch === ']') return undefined
    if (ch === '\\') ch = segment[++i]
    if (ch === undefined) return undefined
    i++
    return ch
  }
  for (;;) {
    if (segment[i] === ']' && ranges.length > 0) break
    const low = takeChar()
    if (low === undefined) return undefined
    let high = low
    if (segment[i] === '-') {
      i++
      const upper = takeChar()
      if (upper === undefined) return undefined
      high = upper
    }
    ranges.push(low === high ? escapeRegExp(low) : `${escapeRegExp(low)}-${escapeRegExp(high)}`)
  }
  return {source: `[${negate ? '^' : ''}${ranges.join('')}]`, next: i + 1}
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

/** Returns whether a path exists (following symlinks, like os.Stat). */
function exists(path: string): boolean {
  try {
    statSync(path)
    return true
  } catch {
    return false
  }
}

/** Returns a Node file-system error worded like Go's (`open x: permission denied`). */
export function describeFsError(error: unknown): string {
  const {code, path, syscall, message} = error as NodeJS.ErrnoException
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    ENOENT: 'no such file or directory',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
  }
  if (code && reasons[code] && path) return `${syscall === 'scandir' ? 'open' : (syscall ?? 'open')} ${path}: ${reasons[code]}`
  return message
}
