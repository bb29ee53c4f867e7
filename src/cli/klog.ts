// klog's text header, which kubectl uses for a few errors that escape cobra (e.g. `scale` without
// --replicas): `E1125 16:37:37.033337    4620 run.go:72] <message>`, local time, pid right-aligned to 7.

/** Returns one klog error line (with newline) for `now`, `pid`, the source location and the message. */
export function klogLine(now: Date, pid: number, location: string, message: string): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const micros = String(now.getMilliseconds() * 1000).padStart(6, '0')
  const stamp = `${two(now.getMonth() + 1)}${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${micros}`
  return `E${stamp} ${String(pid).padStart(7)} ${location}] ${message}\n`
}
