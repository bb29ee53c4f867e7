#!/usr/bin/env node
// Bundles kbe (its commands, src/ and @oclif/core) into dist/kbe.js with esbuild. One file instead of
// ~300 modules is what keeps every kbe call close to bare Node's start-up: module resolution and
// loading, not our code, dominate a short command. undici stays external (imported lazily, for URLs
// only), and so do the TypeScript loaders oclif can probe for in development.
import {build} from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Subfolders hold subcommands: commands/create/namespace.ts is the command `create:namespace`.
const commands = fs.readdirSync(path.join(root, 'commands'), {recursive: true}).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.ts')).sort()
const entry = [
  ...commands.map((f, i) => `import C${i} from './commands/${f.replace(/\.ts$/, '.js')}'`),
  `export const COMMANDS = {${commands.map((f, i) => `'${f.replace(/\.ts$/, '').replaceAll('/', ':')}': C${i}`).join(', ')}}`,
  "export {main} from './src/cli/main.js'",
].join('\n')

await build({
  stdin: {contents: entry, resolveDir: root, sourcefile: 'kbe-entry.ts', loader: 'ts'},
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: path.join(root, 'dist', 'kbe.js'),
  external: ['undici', 'typescript', 'ts-node', 'tsx', 'esbuild'],
  banner: {js: "import {createRequire as __kbeCreateRequire} from 'node:module'; const require = __kbeCreateRequire(import.meta.url);"},
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
})
console.log(`bundled ${commands.length} commands into dist/kbe.js`)
