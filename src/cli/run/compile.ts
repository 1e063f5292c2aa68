// `promoc compile`: plan (or read a saved plan), compile it into the ordered API calls apply would send,
// and print them for review: JSON, an .http file or curl commands, secrets never shown.
import { compileCalls } from '../../apply/compile.js';
import { renderCalls, type ApiView, type CallFormat } from '../../apply/render-calls.js';
import type { PromocConfig } from '../../generated/index.js';
import type { Plan } from '../../generated/plan.js';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { readPlanFile } from '../../plan/plan-file.js';
import type { OpenTarget } from '../../plan/run.js';
import { credentialVariables, LOCAL, type Binding } from '../../plan/targets.js';
import { providerFor } from '../../providers/index.js';
import type { ProviderId } from '../../providers/provider.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { configOnly, planFor } from '../plan-shell.js';

export interface CompileCliOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly planFile?: string;
  readonly format: CallFormat;
  readonly prune?: boolean;
  readonly force: boolean;
}

export async function runCompile(io: Io, options: CompileCliOptions, debug: DebugLog = NO_DEBUG): Promise<number> {
  let plan: Plan;
  let config: PromocConfig;
  let target: OpenTarget;
  if (options.planFile) {
    ({ config } = await configOnly(io.cwd, debug));
    plan = await readPlanFile(io.cwd, options.planFile);
    // The saved plan names its target; its base URLs are in the plan, the credentials' variables in the config.
    target = { name: plan.target, bindings: [], close: async () => undefined };
  } else {
    const planned = await planFor(io, options, debug);
    if (typeof planned === 'number') return planned;
    ({ plan, config, target } = planned);
  }
  try {
    const { graph, unsupported } = compileCalls(plan);
    io.stdout(renderCalls(graph, options.format, apiViews(plan, config, target.bindings)));
    for (const u of unsupported) io.stderr(`${colors(io).yellow('warning')}: ${u.provider} ${u.kind}/${u.name}: ${u.reason ?? 'no call'}\n`);
    return unsupported.length > 0 ? EXIT.failure : EXIT.ok;
  } finally {
    await target.close();
  }
}

/** Base URLs from the plan's sources; auth headers that name the secret's environment variable, never its value. */
function apiViews(plan: Plan, config: PromocConfig, bindings: readonly Binding[]): Partial<Record<ProviderId, ApiView>> {
  const variables = credentialVariables(plan.target === LOCAL ? undefined : config.targets?.[plan.target], 'write');
  const out: Partial<Record<ProviderId, ApiView>> = {};
  for (const s of plan.sources) {
    const baseUrl = bindings.find((b) => b.provider === s.provider)?.connection.baseUrl ?? s.baseUrl;
    out[s.provider] = { baseUrl, ...providerFor(s.provider).authView(baseUrl, variables) };
  }
  return out;
}
