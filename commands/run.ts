import {Flags} from '@oclif/core'
import fs from 'node:fs'
import {KbeCommand} from '../src/cli/base-command.js'
import * as shared from '../src/cli/flags.js'
import {runRun, validateRun} from '../src/cli/run.js'

export default class Run extends KbeCommand {
  static description = 'Create and run a particular image in a pod.'
  static strict = false
  static examples = [
    '# Start a simpleservice pod (the Pods page)\n  kbe run sise --image=mhausenblas/simpleservice:0.5.0 --port=9876',
    '# Start a pod with an environment variable and custom labels\n  kbe run sise --image=mhausenblas/simpleservice:0.5.0 --env="SIMPLE_SERVICE_VERSION=1.0" --labels="app=sise,env=dev"',
    '# Start a pod that runs a command instead of its image\'s default\n  kbe run jumpod --image=centos:7 --restart=Never --command -- sleep 10000',
  ]

  static flags = {
    namespace: shared.namespace,
    image: Flags.string({description: 'The image for the container to run.'}),
    port: Flags.string({description: 'The port that this container exposes.'}),
    env: Flags.string({multiple: true, description: 'Environment variables to set in the container.'}),
    labels: Flags.string({char: 'l', description: 'Comma separated labels to apply to the pod. Will override previous values.'}),
    restart: Flags.string({default: 'Always', description: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]."}),
    command: Flags.boolean({description: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.'}),
    stdin: Flags.boolean({char: 'i', description: 'Keep stdin open on the container in the pod, even if nothing is attached.'}),
    tty: Flags.boolean({char: 't', description: 'Allocate a TTY for the container in the pod.'}),
    rm: Flags.boolean({description: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Run)
    const options = {
      args: argv as string[], image: flags.image, port: flags.port, env: flags.env ?? [], labels: flags.labels,
      restart: flags.restart, command: flags.command, namespace: flags.namespace ?? 'default',
      stdin: flags.stdin, tty: flags.tty, rm: flags.rm,
    }
    validateRun(options, this.settings().now, process.pid)
    const stdinIsTTY = Boolean(process.stdin.isTTY)
    const stdinText = options.stdin && !stdinIsTTY ? fs.readFileSync(0, 'utf8') : undefined
    await this.write((cluster, settings) => runRun(options, cluster, settings, {stdinIsTTY, stdinText}))
  }
}
