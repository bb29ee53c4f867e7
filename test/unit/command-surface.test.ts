// A snapshot of kbe's command-line surface — every command with its flags, short characters and whether
// it takes free arguments — taken from oclif.manifest.json, so that an accidental change to the
// kubectl-compatible interface shows up as a diff in test/golden/surface/commands.txt.
import fs from 'node:fs'
import path from 'node:path'
import {expectGolden} from '../helpers/golden.js'
import {ROOT} from '../helpers/kbe.js'

interface ManifestFlag {name: string; char?: string; type: string; multiple?: boolean; default?: unknown}
interface ManifestCommand {id: string; strict?: boolean; flags: Record<string, ManifestFlag>}

describe('command surface', () => {
  it('matches the snapshot', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, ManifestCommand>}
    const lines: string[] = []
    for (const id of Object.keys(manifest.commands).sort()) {
      const cmd = manifest.commands[id]
      lines.push(`${id.replaceAll(':', ' ')}${cmd.strict === false ? ' [ARGS…]' : ''}`)
      for (const name of Object.keys(cmd.flags).sort()) {
        const f = cmd.flags[name]
        const short = f.char ? `-${f.char}, ` : '    '
        const kind = f.type === 'boolean' ? '' : f.multiple ? ' VALUE…' : ' VALUE'
        const dflt = f.default !== undefined ? ` (default ${JSON.stringify(f.default)})` : ''
        lines.push(`  ${short}--${name}${kind}${dflt}`)
      }
    }
    expectGolden('surface', 'commands', `${lines.join('\n')}\n`)
  })
})
