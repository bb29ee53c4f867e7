// Knows the Kubernetes By Example spec URLs and where kbe keeps a byte-for-byte copy of each
// (fixtures/kbe-specs, see its README). Over its life the tutorial loaded its specs from three prefixes
// (mhausenblas/kbe master, openshift-evangelists/kbe master, then main) plus the mehdb app manifest, and
// its pages also link the same files as github.com `blob` pages. A blob link is read through its raw
// twin, since the blob URL itself serves an HTML page. This module maps URLs to bundled files and reads
// them; it never touches the network.

import {readFileSync} from 'node:fs'
import {join} from 'node:path'

/** A tutorial spec: its bundled folder and relative path, and the raw URL that serves it online. */
export interface TutorialSpec {
  folder: string
  path: string
  rawUrl: string
}

interface TutorialRepo {
  owner: string
  repo: string
  branch: string
  /** Prefix of the path inside the repository that the bundle folder mirrors. */
  prefix: string
  folder: string
}

/** Every repository and branch the tutorial's pages load specs from (kbe-specs/README.md). */
export const TUTORIAL_REPOS: readonly TutorialRepo[] = [
  {owner: 'mhausenblas', repo: 'kbe', branch: 'master', prefix: 'specs/', folder: 'master'},
  {owner: 'openshift-evangelists', repo: 'kbe', branch: 'master', prefix: 'specs/', folder: 'master'},
  {owner: 'openshift-evangelists', repo: 'kbe', branch: 'main', prefix: 'specs/', folder: 'main'},
  {owner: 'mhausenblas', repo: 'mehdb', branch: 'master', prefix: '', folder: 'mehdb-master'},
  {owner: 'openshift-evangelists', repo: 'mehdb', branch: 'main', prefix: '', folder: 'mehdb-main'},
]

const GITHUB_URL = /^https?:\/\/(raw\.githubusercontent\.com|github\.com)\/([^/]+)\/([^/]+)\/(.+)$/i

/**
 * Returns the bundled spec a tutorial URL stands for — `https://raw.githubusercontent.com/<owner>/<repo>/
 * <branch>/<path>` or `https://github.com/<owner>/<repo>/blob/<branch>/<path>` for a repository in
 * TUTORIAL_REPOS — or undefined for any other URL (including ones with a query or fragment).
 */
export function resolveTutorialUrl(url: string): TutorialSpec | undefined {
  if (/[?#%\\]/.test(url)) return undefined
  const match = GITHUB_URL.exec(url)
  if (!match) return undefined
  const [, host, owner, repo, rest] = match
  let location = rest
  if (host.toLowerCase() === 'github.com') {
    if (!location.startsWith('blob/')) return undefined
    location = location.slice('blob/'.length)
  }
  for (const known of TUTORIAL_REPOS) {
    // GitHub treats owner and repository names case-insensitively, branch names and paths exactly.
    if (owner.toLowerCase() !== known.owner.toLowerCase() || repo.toLowerCase() !== known.repo.toLowerCase()) continue
    const inRepo = `${known.branch}/${known.prefix}`
    if (!location.startsWith(inRepo)) continue
    const path = location.slice(inRepo.length)
    if (!isSafeRelativePath(path)) return undefined
    return {folder: known.folder, path, rawUrl: `https://raw.githubusercontent.com/${owner}/${repo}/${location}`}
  }
  return undefined
}

/** Returns the bundled text of a tutorial spec, or undefined when kbe has no copy of that file. */
export function readBundledSpec(fixturesDir: string, spec: TutorialSpec): string | undefined {
  try {
    return readFileSync(join(fixturesDir, 'kbe-specs', spec.folder, ...spec.path.split('/')), 'utf8')
  } catch {
    return undefined
  }
}

/** Returns whether a path is plain `dir/file` segments that cannot leave the bundle folder. */
function isSafeRelativePath(path: string): boolean {
  const segments = path.split('/')
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}
