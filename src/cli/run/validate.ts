// `promoc validate`: load, then print. All the checking happens in the load stage.
import { join } from 'node:path';
import { readSmallText } from '../read-small-text.js';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { hasErrors } from '../../model/diagnostic.js';
import { loadProject } from '../../load/project.js';
import { renderDiagnosticsJson } from '../../render/diagnostics-json.js';
import { renderText, summaryLine } from '../../render/diagnostics-text.js';
import { EXIT } from '../context.js';
import type { Io } from '../io.js';

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
  readonly cache: boolean;
  readonly frames: boolean;
}

export async function runValidate(io: Io, options: ValidateOptions, debug: DebugLog = NO_DEBUG): Promise<number> {
  const result = await loadProject({ cwd: io.cwd, paths: options.paths, cache: options.cache, debug });
  const { diagnostics, stats } = result;
  if (options.format === 'json') {
    io.stdout(renderDiagnosticsJson(diagnostics, { files: stats.files, documents: stats.documents, resources: stats.resources }));
  } else {
    const readText = (file: string): string | undefined => readSmallText(join(result.root, file));
    if (diagnostics.length > 0) io.stdout(renderText(diagnostics, { color: io.color, readText, frames: options.frames }));
    io.stdout(`${summaryLine(diagnostics, stats.files, io.color)}\n`);
  }
  return hasErrors(diagnostics) ? EXIT.failure : EXIT.ok;
}
