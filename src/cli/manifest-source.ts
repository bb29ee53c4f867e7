// How commands read `-f` arguments: the ReadOptions for src/io/manifests (stdin, the bundled tutorial
// specs, offline mode from KBE_OFFLINE, notes to stderr), and turning documents into targets (resource,
// namespace, name) for delete and scale. Reading happens before the cluster is locked, so a slow URL
// never holds other terminals up.

import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {CliError} from '../api/errors.js'
import {resourceForKind, type ResourceInfo} from '../api/registry.js'
import {readManifestItems, type ManifestDocument, type ManifestError} from '../io/manifests.js'

/** Returns the absolute path of kbe's fixtures/ folder: the nearest one above this module (src/, dist/src/ or the bundle). */
export function fixturesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(dir, 'fixtures')
    if (fs.existsSync(path.join(candidate, 'kbe-specs'))) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) return candidate
    dir = parent
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export interface Sources {
  documents: ManifestDocument[]
  /** Sources or documents that could not be read; kubectl reports them after acting on the rest. */
  errors: ManifestError[]
}

/** Reads every `-f` source (throws for an unusable argument, e.g. a missing path). */
export async function readSources(filenames: string[]): Promise<Sources> {
  const items = await readManifestItems(filenames, {
    readStdin,
    offline: process.env.KBE_OFFLINE === '1' || process.env.KBE_OFFLINE === 'true',
    note: (line) => process.stderr.write(`${line}\n`),
    fixturesDir: fixturesDir(),
  })
  return {
    documents: items.flatMap((i) => ('document' in i ? [i.document] : [])),
    errors: items.flatMap((i) => ('error' in i ? [i.error] : [])),
  }
}

export interface ManifestTarget {
  info: ResourceInfo
  namespace: string | undefined
  name: string
  source: string
  object: Record<string, unknown>
}

/** Returns the resource kind mapping error kubectl prints for a kind the cluster doesn't serve. */
export function noKindMatch(doc: ManifestDocument): CliError {
  const obj = doc.object as {apiVersion?: string; kind?: string; metadata?: {name?: string; namespace?: string}}
  return new CliError(`resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${doc.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`)
}

/** Returns the (resource, namespace, name) each document names; `namespace` is the -n default. */
export function targetsOf(docs: ManifestDocument[], namespace: string): ManifestTarget[] {
  return docs.map((doc) => {
    const obj = doc.object as {apiVersion?: string; kind?: string; metadata?: {name?: string; namespace?: string}}
    const info = resourceForKind(String(obj.apiVersion ?? ''), String(obj.kind ?? ''))
    if (!info) throw noKindMatch(doc)
    const ns = info.namespaced ? obj.metadata?.namespace ?? namespace : undefined
    return {info, namespace: ns, name: String(obj.metadata?.name ?? ''), source: doc.source, object: doc.object}
  })
}
