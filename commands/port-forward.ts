import {KbeCommand} from '../src/cli/base-command.js'
import * as shared from '../src/cli/flags.js'
import {startForwarding} from '../src/cli/container-forward.js'
import {planPortForward} from '../src/cli/port-forward.js'
import {readCluster, sessionEnv} from '../src/cli/session.js'

export default class PortForward extends KbeCommand {
  static description = 'Forward one or more local ports to a pod: real listeners on 127.0.0.1 (and [::1]) answered by the simulated container, until Ctrl-C.'
  static strict = false
  static examples = [
    '# Listen on port 8080 locally, forwarding to the targetPort of the service\'s port 80 in a pod selected by the service\n  kbe port-forward service/simpleservice 8080:80',
    '# Listen on a random port locally, forwarding to 9876 in the pod\n  kbe port-forward pod/sise :9876',
  ]

  static flags = {namespace: shared.namespace}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(PortForward)
    const options = {args: argv as string[], namespace: flags.namespace ?? 'default'}
    const plan = readCluster(this.settings(), (cluster) => planPortForward(options, cluster))
    const code = await new Promise<number>((resolve) => {
      void startForwarding(plan, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        withCluster: (fn) => {
          const settings = sessionEnv(process.env)
          return readCluster(settings, (cluster) => fn(cluster, settings.now, settings.seed))
        },
        exit: resolve,
        pid: process.pid,
        now: () => new Date(),
      }).then(({stop}) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(0))
      })
    })
    if (code !== 0) this.exit(code)
  }
}
