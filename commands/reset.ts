import {KbeCommand} from '../src/cli/base-command.js'
import {runReset} from '../src/cli/reset.js'

export default class Reset extends KbeCommand {
  static description = 'Throw the simulated cluster away and start a fresh one (the old state is kept as cluster.json.bak).'
  static examples = ['# Start over with a fresh cluster\n  kbe reset', '# A fresh cluster whose names and addresses are reproducible\n  KBE_SEED=1 kbe reset']

  async run(): Promise<void> {
    await this.parse(Reset)
    this.emit(runReset(this.settings()))
  }
}
