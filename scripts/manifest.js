#!/usr/bin/env node
// Writes oclif.manifest.json from the compiled commands in dist/ (what `oclif manifest` does, without
// pulling in the oclif dev CLI). With the manifest, oclif imports only the command being run.
import {Plugin} from '@oclif/core'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, isRoot: true})
await plugin.load()
const manifest = plugin.manifest
fs.writeFileSync(path.join(root, 'oclif.manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
console.log(`wrote oclif.manifest.json (${Object.keys(manifest.commands).length} commands)`)
