// cobra's "unknown command" message with its "Did you mean this?" suggestions: commands within
// Levenshtein distance 2 of what was typed, or that start with it, in the order the root lists them.

export const KBE_COMMANDS = ['apply', 'create', 'curl', 'delete', 'describe', 'exec', 'get', 'iptables-save', 'label', 'port-forward', 'reset', 'rollout', 'run', 'scale']

function levenshtein(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}

/** Returns the stderr text for an unknown command. */
export function unknownCommandText(typed: string, commands = KBE_COMMANDS): string {
  const lower = typed.toLowerCase()
  const suggestions = commands.filter((c) => levenshtein(lower, c) <= 2 || c.startsWith(lower))
  const head = `Error: unknown command "${typed}" for "kbe"\n`
  if (suggestions.length === 0) return head
  return `${head}\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n`
}
