#!/usr/bin/env node
// The `kbe` executable: loads the bundle (dist/kbe.cjs) with compiled code cached where Node can, then
// hands over to the CLI. Node 22+ caches on its own (module.enableCompileCache). On Node 20 the bundle is
// compiled through vm.Script with V8 code cache data kept next to it (named by the bundle's size and
// mtime, so a rebuilt bundle never meets an old cache; written atomically at exit, after the run has
// compiled what a command needs); a cache that can't be read, is rejected or can't be written only
// costs the compile it would have saved.
import module from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {fileURLToPath} from 'node:url'

const bundle = fileURLToPath(new URL('../dist/kbe.cjs', import.meta.url))
let kbe
if (module.enableCompileCache) {
  module.enableCompileCache()
  kbe = module.createRequire(import.meta.url)(bundle)
} else {
  kbe = loadWithCodeCache(bundle)
}
await kbe.main(process.argv.slice(2), import.meta.url)

/** Runs a CommonJS file as require() would, with V8 code cache data; returns its exports. */
function loadWithCodeCache(file) {
  const source = fs.readFileSync(file, 'utf8')
  const stat = fs.statSync(file)
  const cacheFile = `${file}.${process.version}.${stat.size}.${Math.trunc(stat.mtimeMs)}.v8cache`
  let cachedData
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {
    // No cache yet: this run writes it.
  }
  const script = new vm.Script(module.wrap(source), {filename: file, cachedData})
  const dir = path.dirname(file)
  const m = new module.Module(file)
  m.filename = file
  m.paths = module.Module._nodeModulePaths(dir)
  // Registered first, so oclif's own require() of the bundle gets this very module.
  module.Module._cache[file] = m
  script.runInThisContext().call(m.exports, m.exports, module.createRequire(file), m, file, dir)
  m.loaded = true
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`
      try {
        fs.writeFileSync(tmp, script.createCachedData())
        fs.renameSync(tmp, cacheFile)
      } catch {
        fs.rmSync(tmp, {force: true})
      }
    })
  }
  return m.exports
}
