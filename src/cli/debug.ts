// The CLI's debug log: on with `--debug`, or PROMOC_DEBUG=1 to turn it on for a whole CI job without editing
// each command line. Lines go to stderr so stdout stays the command's output (a plan, JSON) and can still be
// piped; they are dimmed on a colour terminal and escaped, since URLs and reasons come from servers.
import type { DebugLog } from '../model/debug-log.js';
import { sanitizeForTerminal } from '../render/sanitize.js';
import { colors, type Io } from './io.js';

/** PROMOC_DEBUG set to anything but empty, `0` or `false`. */
export function debugFromEnv(env: Io['env']): boolean {
  const value = env.PROMOC_DEBUG?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** Writes `debug <topic>: <message>` lines to stderr while `isOn()` says so. */
export function stderrDebugLog(io: Pick<Io, 'stderr' | 'color'>, isOn: () => boolean): DebugLog {
  const c = colors(io);
  return {
    get enabled() {
      return isOn();
    },
    write(topic, message) {
      if (isOn()) io.stderr(`${c.dim(`debug ${topic}:`)} ${sanitizeForTerminal(message)}\n`);
    },
  };
}
