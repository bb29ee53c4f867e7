#!/usr/bin/env node
// Bundles kbe (its commands, src/ and @oclif/core) into dist/kbe.cjs with esbuild. One file instead of
// ~300 modules is what keeps every kbe call close to bare Node's start-up: module resolution and
// loading, not our code, dominate a short command. The bundle is CommonJS so that bin/run.js can load it
// through a V8 code cache on Node 20 (an ES module can't use one there; that saves ~40 ms, a quarter of a
// command's time). undici stays external (required lazily, for URLs only), and so do the TypeScript
// loaders oclif can probe for in development.
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
  format: 'cjs',
  target: 'node20',
  outfile: path.join(root, 'dist', 'kbe.cjs'),
  define: {'import.meta.url': '__kbeModuleUrl'},
  // A code-cached vm.Script cannot run import() on Node 20: externals are required instead.
  supported: {'dynamic-import': false},
  external: ['undici', 'typescript', 'ts-node', 'tsx', 'esbuild'],
  banner: {js: "const __kbeModuleUrl = require('node:url').pathToFileURL(__filename).href;"},
  legalComments: 'none',
  minify: process.env.KBE_BUNDLE_PLAIN !== '1',
  logLevel: 'warning',
})
// The ES module bundle of earlier builds, and code caches of earlier bundles, are stale now.
for (const file of fs.readdirSync(path.join(root, 'dist'))) {
  if (file === 'kbe.js' || file.endsWith('.v8cache')) fs.rmSync(path.join(root, 'dist', file), {force: true})
}
console.log(`bundled ${commands.length} commands into dist/kbe.cjs`)
