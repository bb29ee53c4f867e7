import fs from 'node:fs'
import readline from 'node:readline'
import {KbeCommand} from '../src/cli/base-command.js'
import {parseExecArgs, type ExecOptions} from '../src/cli/container-exec-args.js'
import {isBareShell, runExec, runExecLine} from '../src/cli/exec.js'
import {readCluster} from '../src/cli/session.js'

export default class Exec extends KbeCommand {
  static description = 'Execute a command in a container (simulated: curl, printenv, env, hostname, cat, ls, echo, ping, true, false, sh -c, bash -c; `-it … -- bash` gives a prompt for those commands).'
  static strict = false
  static examples = [
    '# Call the service by name from inside a pod, as the final Services page does\n  kbe exec rcsise-6nq3k -t -- curl -s simpleservice/info',
    '# Show the environment of the first container of pod envs\n  kbe exec envs -- printenv',
    '# Ping a service from the shell container of pod jumpod\n  kbe exec -it jumpod -c shell -- ping -c 3 thesvc',
    '# Run the lines of a file in a shell inside the pod\n  kbe exec -i twocontainers -c shell -- bash < commands.txt',
  ]

  // kubectl's exec grammar (flags before `--`, the command after it) is read raw: see parseExecArgs.
  async run(): Promise<void> {
    const options = parseExecArgs(this.argv)
    const stdinIsTTY = Boolean(process.stdin.isTTY)
    if (options.stdin && options.tty && stdinIsTTY && isBareShell(options.command)) return this.interactive(options)
    const stdinText = options.stdin && !stdinIsTTY ? fs.readFileSync(0, 'utf8') : undefined
    await this.read((cluster, settings) => runExec(options, cluster, settings, {stdinIsTTY, stdinText}))
  }

  /** A prompt that runs each line in the container until `exit` or Ctrl-D (kubectl then reports a non-zero exit). */
  private async interactive(options: ExecOptions): Promise<void> {
    await this.read((cluster, settings) => runExec({...options, command: ['true']}, cluster, settings, {stdinIsTTY: true}))
    const ask = (line: string) => readCluster(this.settings(), (cluster) => runExecLine(options, cluster, this.settings(), line))
    const rl = readline.createInterface({input: process.stdin, output: process.stdout, terminal: true})
    let last = ask('true')
    const code = await new Promise<number>((resolve) => {
      rl.setPrompt(last.prompt)
      rl.prompt()
      rl.on('line', (line) => {
        const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(line)
        // bash says `exit` as it leaves an interactive session.
        if (exit) process.stdout.write('exit\r\n')
        if (exit) return resolve(exit[1] === undefined ? last.exitCode : Number(exit[1]) & 255)
        last = ask(line)
        process.stdout.write((last.stdout + last.stderr).replace(/\r?\n/g, '\r\n'))
        rl.prompt()
      })
      rl.on('close', () => resolve(last.exitCode))
    })
    rl.close()
    if (code !== 0) {
      process.stderr.write(`command terminated with exit code ${code}\n`)
      this.exit(code)
    }
  }
}
