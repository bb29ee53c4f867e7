#!/usr/bin/env node
// The `kbe` executable: caches compiled bytecode where Node can (22+), then hands over to the CLI.
import module from 'node:module'

module.enableCompileCache?.()

const {main} = await import('../dist/kbe.js')
await main(process.argv.slice(2), import.meta.url)
