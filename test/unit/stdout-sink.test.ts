// Standard output is written straight to its descriptor: a slow reader gets every byte in order while
// the writer waits for it (Node's stream would have queued the whole output in memory), and a reader
// that leaves early (`| head`) ends the output quietly, with no error and the command's own exit code.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const sink = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/stdout-sink.ts')

/** A child that writes `pieces` pieces of 1 MiB (piece i filled with letter i) through the sink, then reports. */
function writer(pieces: number): ReturnType<typeof spawn> {
  const code = `
    import {stdoutSink} from ${JSON.stringify(sink)}
    process.stdout // Node's stream exists (and made the descriptor non-blocking), as in kbe
    const out = stdoutSink()
    for (let i = 0; i < ${pieces}; i++) out.write(String.fromCharCode(97 + (i % 26)).repeat(1 << 20))
    out.end()
    process.stderr.write('queued ' + process.stdout.writableLength + '\\n')
  `
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {stdio: ['ignore', 'pipe', 'pipe']})
}

describe('stdout sink', function () {
  this.timeout(60_000)

  it('hands a slow reader every byte in order, holding nothing back in memory', async () => {
    const child = writer(24)
    const chunks: Buffer[] = []
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    // Read slowly: pause after each chunk so the pipe fills up and the writer has to wait.
    child.stdout?.on('data', (d: Buffer) => {
      chunks.push(d)
      child.stdout?.pause()
      setTimeout(() => child.stdout?.resume(), 1)
    })
    const status = await new Promise((resolve) => child.on('close', resolve))
    const all = Buffer.concat(chunks)
    assert.equal(status, 0, stderr)
    assert.equal(all.length, 24 << 20)
    for (let i = 0; i < 24; i++) assert.equal(String.fromCharCode(all[(i << 20) + 12345]), String.fromCharCode(97 + i))
    assert.equal(stderr, 'queued 0\n')
  })

  it('gathers small pieces, multi-byte characters included, without reordering or splitting them', async () => {
    const code = `
      import {stdoutSink} from ${JSON.stringify(sink)}
      const out = stdoutSink()
      for (let i = 0; i < 200000; i++) out.write(i % 7 === 0 ? 'ü€😀' + i + '\\n' : 'line ' + i + '\\n')
      out.end()
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {stdio: ['ignore', 'pipe', 'pipe']})
    const chunks: Buffer[] = []
    child.stdout?.on('data', (d: Buffer) => chunks.push(d))
    const status = await new Promise((resolve) => child.on('close', resolve))
    assert.equal(status, 0)
    const lines = Buffer.concat(chunks).toString('utf8').split('\n')
    assert.equal(lines.length, 200001)
    for (const i of [0, 1, 6, 7, 12345, 199999]) assert.equal(lines[i], i % 7 === 0 ? `ü€😀${i}` : `line ${i}`)
  })

  it('stops quietly when the reader goes away', async () => {
    const child = writer(64)
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    child.stdout?.once('data', () => child.stdout?.destroy())
    const status = await new Promise((resolve) => child.on('close', resolve))
    assert.equal(status, 0)
    assert.equal(stderr, 'queued 0\n')
  })
})
