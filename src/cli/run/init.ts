// `promoc init [dir]`: write a new campaigns repository's files. Existing files are kept unless --force;
// the list of what was written (and kept) and the next commands go to stdout.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { NEXT_COMMANDS, parseProviders, scaffold } from '../../init/scaffold.js';
import { readTemplates } from '../../init/templates.js';
import { InvocationError } from '../../model/errors.js';
import { PROVIDER_IDS } from '../../providers/index.js';
import type { ProviderId } from '../../providers/provider.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';

export interface InitOptions {
  readonly dir: string;
  /** `--providers` as written; undefined: ask on a terminal, else all. */
  readonly providers: string | undefined;
  readonly force: boolean;
}

/** Asks one question on the terminal and returns the answer (injected: tests answer without a TTY). */
export type Ask = (question: string) => Promise<string>;

export async function runInit(io: Io, options: InitOptions, ask: Ask | undefined): Promise<number> {
  const providers = await chooseProviders(io, options.providers, ask);
  const root = resolve(io.cwd, options.dir);
  const c = colors(io);
  const files = scaffold(providers, readTemplates());
  const shown = (p: string): string => relative(io.cwd, join(root, p)) || p;
  let kept = 0;
  io.stdout(`Scaffolding a campaigns repository in ${relative(io.cwd, root) || '.'} for ${providers.join(', ')}:\n`);
  for (const f of files) {
    const target = join(root, f.path);
    if (existsSync(target) && !options.force) {
      kept++;
      io.stdout(`  ${c.yellow('kept')}   ${shown(f.path)} (exists; --force overwrites it)\n`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
    io.stdout(`  ${c.green('wrote')}  ${shown(f.path)}\n`);
  }
  const cd = root === resolve(io.cwd) ? [] : [`cd ${relative(io.cwd, root)}`];
  const install = existsSync(join(root, 'package.json')) ? [] : ['(no package.json here: `npm init -y && npm i -D promoc` first)'];
  io.stdout(`\nNext:\n${[...cd, ...install, ...NEXT_COMMANDS].map((l) => `  ${l}\n`).join('')}`);
  if (kept > 0) io.stdout(`\n${kept} existing file${kept === 1 ? ' was' : 's were'} kept unchanged.\n`);
  return EXIT.ok;
}

async function chooseProviders(io: Io, flag: string | undefined, ask: Ask | undefined): Promise<ProviderId[]> {
  if (flag !== undefined) {
    const parsed = parseProviders(flag);
    if ('error' in parsed)
      throw new InvocationError(`--providers: ${parsed.error}`, `Name one or more of ${PROVIDER_IDS.join(', ')} (comma-separated), or all.`);
    return parsed.providers;
  }
  if (!ask) return [...PROVIDER_IDS];
  for (;;) {
    const answer = (await ask(`Which APIs do your campaigns go to? (${PROVIDER_IDS.join(', ')}, or all) [all] `)).trim();
    const parsed = parseProviders(answer === '' ? 'all' : answer);
    if (!('error' in parsed)) return parsed.providers;
    io.stderr(`${parsed.error}; name one or more of ${PROVIDER_IDS.join(', ')}, or all.\n`);
  }
}
