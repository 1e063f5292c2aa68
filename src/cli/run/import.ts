// `promoc import --target T [--out DIR]`: read everything live on the target's APIs and write one campaign
// YAML file per object (with the schema modeline), so an existing account can be brought under promoc.
// Read-only on the target: adoption happens at the next apply, which writes the ownership markers.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { importLive, importPath, type ImportedResource, type Skipped } from '../../import/index.js';
import { renderImported } from '../../render/imported-yaml.js';
import { toRepoPath } from '../../load/files.js';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { SCHEMA_FILES, type Kind } from '../../generated/index.js';
import { defaultValidator } from '../../load/project.js';
import { loadSchemaSet } from '../../schema/schema-set.js';
import { SCHEMA_BASE } from '../../schema/validator.js';
import { readBinding, realDeps } from '../../plan/run.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { openConfiguredTarget } from '../plan-shell.js';
import { append } from '../../model/append.js';
import { resourceKey } from '../../model/resource.js';

export interface ImportCliOptions {
  readonly target?: string;
  /** Default imported/<target>. */
  readonly out?: string;
  readonly overwrite: boolean;
  /** json: stdout carries the files written and the objects skipped as JSON. */
  readonly format?: 'text' | 'json';
}

/** The spec properties a kind's schema declares. */
function specFields(kind: Kind): ReadonlySet<string> {
  const schema = loadSchemaSet().schemas.get(SCHEMA_BASE + SCHEMA_FILES[kind]) as { properties?: { spec?: { properties?: object } } } | undefined;
  return new Set(Object.keys(schema?.properties?.spec?.properties ?? {}));
}

export async function runImport(io: Io, options: ImportCliOptions, debug: DebugLog = NO_DEBUG): Promise<number> {
  const c = colors(io);
  const { root, target } = await openConfiguredTarget(io, options.target ? { target: options.target } : {}, debug);
  const resources: { r: ImportedResource; origin: string }[] = [];
  const skipped: Skipped[] = [];
  try {
    const reads = await Promise.all(target.bindings.map(async (b) => ({ b, live: await readBinding(b, { ...realDeps(), debug }) })));
    for (const { b, live } of reads) {
      // labels.target names the API, so the imported campaign is checked against that API's code form and
      // prices its product; a selector's own labels win.
      const result = importLive({ provider: b.provider, objects: live.objects, kinds: live.kinds, labels: { target: b.provider, ...b.selector }, specFields });
      append(
        resources,
        result.resources.map((r) => ({ r, origin: `${b.provider} (${b.connection.baseUrl})` })),
      );
      append(skipped, result.skipped);
    }
  } finally {
    await target.close();
  }
  const outDir = toRepoPath(root, resolve(io.cwd, options.out ?? join('imported', target.name)));
  const validator = await defaultValidator();
  const writes: { file: string; text: string }[] = [];
  for (const { r, origin } of resources) {
    const errors = validator.validateResource(r.kind, r.document);
    if (errors.length > 0) {
      skipped.push({
        provider: r.provider,
        id: resourceKey(r),
        reason: `the live object does not make a valid ${r.kind} (${errors[0]!.instancePath || '/'} ${errors[0]!.message ?? ''})`,
      });
      continue;
    }
    const file = importPath(outDir, r);
    writes.push({ file, text: renderImported(r, file, origin) });
  }
  const clashes = writes.filter((w) => existsSync(join(root, w.file)));
  if (clashes.length > 0 && !options.overwrite) {
    io.stderr(
      `${c.red('error')}: ${clashes.length} file${clashes.length === 1 ? '' : 's'} already exist, e.g. ` +
        `${clashes[0]!.file}\n${c.dim('hint')}: Import into an empty --out directory, or pass --overwrite.\n`,
    );
    return EXIT.failure;
  }
  for (const w of writes) {
    await mkdir(dirname(join(root, w.file)), { recursive: true });
    await writeFile(join(root, w.file), w.text);
  }
  const adopt = resources.filter((x) => !x.r.managed && writes.some((w) => w.file === importPath(outDir, x.r))).length;
  if (options.format === 'json') {
    const imported = resources.flatMap(({ r }) => {
      const file = importPath(outDir, r);
      return writes.some((w) => w.file === file) ? [{ kind: r.kind, name: r.name, provider: r.provider, file, managed: r.managed }] : [];
    });
    io.stdout(`${JSON.stringify({ target: target.name, out: outDir, imported, skipped, adopt }, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const s of skipped) io.stderr(`${c.yellow('skipped')} ${s.provider} ${s.id}: ${s.reason}\n`);
  io.stdout(
    `Imported ${writes.length} resource${writes.length === 1 ? '' : 's'} from target ` +
      `${target.name} into ${outDir}/${skipped.length > 0 ? ` (${skipped.length} skipped)` : ''}.\n`,
  );
  const adoptNote =
    adopt > 0
      ? `${adopt} of them are not managed by promoc yet: \`promoc plan ${outDir}\` shows one adopt update each ` +
        '(it writes the ownership marker and changes nothing else); apply it to take them over. '
      : '';
  io.stdout(`${adoptNote}Next: \`promoc plan ${outDir}${options.target ? ` --target ${options.target}` : ''}\`.\n`);
  return EXIT.ok;
}
