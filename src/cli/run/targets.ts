// `promoc targets`: the config's targets as the workflows need them (see plan/target-list.ts).
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { listTargets } from '../../plan/target-list.js';
import { EXIT } from '../context.js';
import type { Io } from '../io.js';
import { configOnly } from '../plan-shell.js';

export async function runTargets(io: Io, options: { format: 'text' | 'json'; includeLocal: boolean }, debug: DebugLog = NO_DEBUG): Promise<number> {
  const { config } = await configOnly(io.cwd, debug);
  const targets = listTargets(config, options.includeLocal);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(targets)}\n`);
    return EXIT.ok;
  }
  if (targets.length === 0) io.stdout('No targets configured (plan and apply use the embedded emulators, target local).\n');
  for (const t of targets) {
    const secrets =
      t.readSecrets.join(', ') === t.writeSecrets.join(', ')
        ? `credentials ${t.readSecrets.map((v) => `$${v}`).join(', ') || '(none)'} (no read/write split)`
        : `read ${t.readSecrets.map((v) => `$${v}`).join(', ')}, write ${t.writeSecrets.map((v) => `$${v}`).join(', ')}`;
    io.stdout(
      `${t.name}: ${t.provider}, environment ${t.environment}, prune ${t.prune ? 'on' : 'off'}` +
        `, ${secrets}${t.readOnlyKeys ? '' : ' — this API has no read-only keys'}\n`,
    );
  }
  return EXIT.ok;
}
