// The load stage's imperative shell: find the config, list the files, check each (cache, worker
// threads), then the cross-file checks and geometry files. Everything it returns is plain data.
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { PromocConfig } from '../generated/index.js';
import { NO_DEBUG, type DebugLog } from '../model/debug-log.js';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { AnyResource, Located, Model } from '../model/resource.js';
import { loadSchemaSet } from '../schema/schema-set.js';
import { createValidator, type Validator } from '../schema/validator.js';
import { loadPrecompiled } from '../schema/precompiled.js';
import { promocVersion } from './version.js';
import { buildId } from './build-id.js';
import { contentHash, ValidationCache } from './cache.js';
import { checkSource, type CheckedSource, type SourceJob } from './check-source.js';
import type { CheckedFile } from './check-file.js';
import { configSearchLine, DEFAULT_CAMPAIGN_GLOBS, EMPTY_CONFIG, findConfigFile, parseConfig } from './config.js';
import { projectIndex, readProjectIndex, summariesDigest, writeProjectIndex } from './project-index.js';
import { expandGlobs, expandPaths, toRepoPath, type FileList } from './files.js';
import { resolveGeometries } from './geometry.js';
import { isInside } from './walk.js';
import { locateDiagnostics } from './locate.js';
import { checkInWorkers, workerCount } from './pool.js';
import { ReaderThread } from './reader-thread.js';
import { decodeSource, MAX_FILE_BYTES, tooLarge } from './read.js';
import { fileType, FileRefusal, readIfSync, readRegularFileSync } from './regular-file.js';
import { append } from '../model/append.js';

export interface LoadOptions {
  readonly cwd: string;
  /** Files or folders; default: the config's `campaigns` globs. */
  readonly paths?: readonly string[];
  /** Use and update the validation cache (default: config `cache.enabled`, else true). */
  readonly cache?: boolean;
  /** Worker threads; default: one per core when there are enough files. 1 disables them. */
  readonly workers?: number;
  /** Where the config was found, which files were listed, cache hits. */
  readonly debug?: DebugLog;
  /** Keep the text of every file read in this run (`LoadResult.texts`), for a caller that locates and frames. */
  readonly keepTexts?: boolean;
}

export interface LoadStats {
  readonly files: number;
  readonly documents: number;
  readonly resources: number;
  readonly fromCache: number;
  readonly workers: number;
}

export interface LoadResult {
  readonly root: string;
  readonly configFile?: string;
  readonly config: PromocConfig;
  /** Repo-relative paths of the files read. */
  readonly files: readonly string[];
  readonly model: Model;
  /** Located and sorted. */
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: LoadStats;
  /**
   * With `keepTexts`: the text of each file read in this run, by repo path, as `readFileSync(…, 'utf8')` gives it.
   * Files answered from the cache, read by workers or starting with a BOM are not in it.
   */
  readonly texts?: ReadonlyMap<string, string>;
}

let sharedValidator: Validator | undefined;
export async function defaultValidator(): Promise<Validator> {
  sharedValidator ??= createValidator(loadSchemaSet(), await loadPrecompiled());
  return sharedValidator;
}

export async function loadProject(options: LoadOptions): Promise<LoadResult> {
  const validator = await defaultValidator();
  const debug = options.debug ?? NO_DEBUG;
  const configFile = findConfigFile(options.cwd);
  debug.write('config', configSearchLine(options.cwd, configFile));
  const root = configFile ? dirname(configFile) : resolve(options.cwd);
  const diagnostics: Diagnostic[] = [];
  let config = EMPTY_CONFIG;
  let configDigest = 'none';
  if (configFile) {
    const bytes = readOrRefuse(configFile, toRepoPath(root, configFile));
    if (!('ruleId' in bytes)) configDigest = contentHash(bytes);
    const decoded = 'ruleId' in bytes ? { diagnostic: bytes } : decodeSource(toRepoPath(root, configFile), bytes);
    if ('diagnostic' in decoded) diagnostics.push(decoded.diagnostic);
    else ({ config } = pushAll(diagnostics, parseConfig(toRepoPath(root, configFile), decoded.text, validator)));
  }
  const useCache = options.cache ?? config.cache?.enabled ?? true;
  const schemaDigest = loadSchemaSet().digest;
  const cacheFile = join(root, config.cache?.dir ?? '.promoc-cache', 'validate.bin');
  // The config is in the key: its globs, paths and options decide what the cached results mean.
  const cache = useCache ? ValidationCache.open(cacheFile, `${promocVersion()}:${buildId()}:${schemaDigest}:${configDigest}`, Date.now()) : undefined;

  const fromPaths = options.paths && options.paths.length > 0;
  const globs = config.campaigns ?? DEFAULT_CAMPAIGN_GLOBS;
  const listed = fromPaths ? expandPaths(root, options.cwd, options.paths!) : listGlobs(root, globs, configFile, cache);
  append(diagnostics, listed.diagnostics);
  if (debug.enabled)
    debug.write(
      'config',
      `${listed.files.length} campaign file${listed.files.length === 1 ? '' : 's'} from ` +
        `${fromPaths ? `the paths ${options.paths!.join(', ')}` : `the globs ${globs.join(', ')}`}` +
        (listed.folders && listed.repoPaths ? ' (folders unchanged since the cached walk)' : ''),
    );

  const realRoot = realpathSync.native(root);
  const folders = new Map<string, string | undefined>();
  const folderOutside = (dir: string): string | undefined => {
    if (!folders.has(dir)) {
      const escape = outsideRoot(realRoot, dir);
      folders.set(dir, escape && `its folder ${escape}`);
    }
    return folders.get(dir);
  };
  // Results in listing order (cache hits and refusals here, checked files after), sorted by path below.
  const results: CheckedFile[] = [];
  const pending: SourceJob[] = [];
  const stats = new Map<string, Stats>();
  // One function for every cached result (not a closure each, held as long as the result).
  const recheck = (repoPath: string): CheckedFile => {
    const abs = join(root, repoPath);
    return checkSource({ abs, repoPath }, readFileSync(abs), validator).result;
  };
  // A file the walk saw as a regular file and the cache has no entry for (all of them without a cache, or on a
  // cold one) needs no stat to look it up: it is opened, and its type and size are checked through the
  // descriptor, whose stat is the one the cache stores (one system call a file fewer).
  const regular = workerCount(listed.files.length, options.workers) === 1 ? listed.regular : new Set<string>();
  const direct = new Set<string>();
  const repoPaths = listed.repoPaths ?? listed.files.map((abs) => toRepoPath(root, abs));
  const isDirect = listed.files.map((abs, i) => regular.has(abs) && !cache?.has(repoPaths[i]!));
  for (let i = 0; i < listed.files.length; i += 1) {
    const abs = listed.files[i]!;
    const repoPath = repoPaths[i]!;
    if (isDirect[i]) direct.add(abs);
    const own = isDirect[i] ? undefined : lstatSync(abs);
    // A file that is not itself a symlink is where its folder really is: one realpath per folder, not per file.
    // A walk that met no symlink (`folders`) read only folders inside the repository.
    const escape = own?.isSymbolicLink() ? outsideRoot(realRoot, abs) : listed.folders ? undefined : folderOutside(dirname(abs));
    if (escape) {
      diagnostics.push({
        ruleId: 'load/outside-repo',
        severity: 'error',
        file: repoPath,
        message: escape,
        hint: 'Campaign files must live inside the repository; symlinks out of it are refused.',
      });
      continue;
    }
    if (own === undefined) {
      pending.push({ abs, repoPath });
      continue;
    }
    let st = own;
    if (own.isSymbolicLink()) {
      try {
        st = statSync(abs);
      } catch (e) {
        diagnostics.push(notReadable(repoPath, e));
        continue;
      }
    }
    if (!st.isFile()) {
      results.push({ file: repoPath, docs: [], diagnostics: [notRegular(repoPath, st)] });
      continue;
    }
    const large = tooLarge(repoPath, st.size);
    if (large) {
      results.push({ file: repoPath, docs: [], diagnostics: [large] });
      continue;
    }
    const hit = cache?.lookup(repoPath, st, () => readFileSync(abs), recheck);
    if (hit) results.push(hit);
    else {
      pending.push({ abs, repoPath });
      if (cache) stats.set(repoPath, st);
    }
  }
  const fromCache = results.length;
  if (debug.enabled)
    debug.write(
      'cache',
      cache
        ? `${fromCache} hit${fromCache === 1 ? '' : 's'} (stat unchanged, or hash confirmed), ${pending.length} to check, in ${toRepoPath(root, cacheFile)}`
        : `off${options.cache === false ? ' (--no-cache)' : ' (cache.enabled: false)'}`,
    );
  const workers = workerCount(pending.length, options.workers);
  const texts = new Map<string, string>();
  const keepText = options.keepTexts === true;
  // A refused file (not regular, too large) is not cached: it is looked at again next run.
  const refused = new Set<CheckedSource>();
  const checkOne = (job: SourceJob, early: Buffer | undefined): CheckedSource => {
    const bytes = early ?? (direct.has(job.abs) ? readChecked(job, cache && stats) : readFileSync(job.abs));
    if ('result' in bytes) {
      refused.add(bytes);
      return bytes;
    }
    // Only an entry whose times fall in this run's window is ever confirmed by its content hash.
    const hash = cache !== undefined && cache.needsHash(stats.get(job.repoPath)!);
    return checkSource(job, bytes, validator, { hash, keepText });
  };
  // Without a cache no stat is kept, so the files the walk saw as regular can be read on a thread of their own
  // while this one checks those already read (with a cache, the stat of each read is the one it stores).
  const reader =
    workers === 1 && !cache && pending.length >= READ_AHEAD_MIN_FILES
      ? new ReaderThread(
          pending.map((job) => (direct.has(job.abs) ? job.abs : null)),
          MAX_FILE_BYTES,
        )
      : undefined;
  let fresh: CheckedSource[];
  if (workers > 1) fresh = await checkInWorkers(pending, workers);
  else if (!reader) fresh = pending.map((job) => checkOne(job, undefined));
  else {
    fresh = new Array<CheckedSource>(pending.length);
    try {
      for (let i = 0; i < pending.length; i += 1) {
        if (!reader.has(i)) await reader.until(i);
        fresh[i] = checkOne(pending[i]!, reader.take(i));
      }
    } finally {
      reader.close();
    }
  }
  for (const f of fresh) {
    if (f.text !== undefined) texts.set(f.job.repoPath, f.text);
    // The stat from before the read: a write since then shows as a new stat or, within the run's window, a new hash.
    if (cache && !refused.has(f)) cache.put(f.job.repoPath, f.hash, stats.get(f.job.repoPath)!, f.result);
    results.push(f.result);
  }
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  for (const r of results) append(diagnostics, r.diagnostics);
  // Which documents are resources, their order and the cross-file findings follow from the files' summaries;
  // with the cache they are kept under a digest of those, and a cached result's documents stay unparsed
  // until a resource is read (`validate` reads none but the geofences).
  const indexFile = join(dirname(cacheFile), 'index.json');
  const digest = cache && (cache.summariesDigest(results.length) ?? summariesDigest(results));
  let index = digest === undefined ? undefined : readProjectIndex(indexFile, cache!.key, digest, results.length);
  if (debug.enabled && digest !== undefined) debug.write('cache', `cross-file results ${index ? 'reused: no name, code or reference changed' : 'made again'}`);
  if (!index) {
    index = projectIndex(results);
    if (digest !== undefined) writeProjectIndex(indexFile, cache!.key, digest, index);
  }
  const { order } = index;
  const located = (i: number): Located => {
    const file = results[order[3 * i]!]!;
    return { resource: file.docs[order[3 * i + 1]!]!.resource as AnyResource, source: { file: file.file, docIndex: order[3 * i + 2]! } };
  };
  let resources: Located[] | undefined;
  const allResources = (): Located[] => (resources ??= Array.from({ length: order.length / 3 }, (_, i) => located(i)));

  const readRepoText = (repoPath: string): string => texts.get(repoPath) ?? readFileSync(join(root, repoPath), 'utf8');
  const geo = resolveGeometries(
    index.geofences.map(located),
    {
      readText: (repoPath, maxBytes) => {
        const abs = join(root, repoPath);
        try {
          const escape = outsideRoot(realRoot, abs);
          if (escape) return { error: escape };
          const st = statSync(abs);
          if (!st.isFile()) return { error: `it is ${fileType(st)}, not a regular file` };
          if (st.size > maxBytes) return { tooLarge: st.size };
          return { text: readRegularFileSync(abs, maxBytes, 'geometry file').toString('utf8') };
        } catch (e) {
          return { error: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message };
        }
      },
    },
    validator,
  );
  const late = [...index.findings, ...geo.diagnostics];
  append(
    diagnostics,
    locateDiagnostics(late, (file) => readRepoText(file)),
  );
  cache?.save();

  return {
    root,
    ...(configFile ? { configFile } : {}),
    config,
    files: results.map((r) => r.file),
    // Materialised on first read: a command that reads no resource never parses the cached ones.
    model: {
      get resources(): Located[] {
        return allResources();
      },
      geometries: geo.geometries,
    },
    diagnostics: sortDiagnostics(diagnostics),
    stats: { files: results.length, documents: index.documents, resources: order.length / 3, fromCache, workers },
    ...(keepText ? { texts } : {}),
  };
}

/**
 * The globs' listing: from the cache when every folder the last walk read is unchanged (then it lists the same
 * files, all regular, none through a symlink), else walked; a plain walk is kept in the cache for the next run.
 */
function listGlobs(root: string, globs: readonly string[], configFile: string | undefined, cache: ValidationCache | undefined): FileList {
  const known = cache?.listing(root);
  if (known) {
    const prefix = root.endsWith(sep) ? root : root + sep;
    return { files: known.map((p) => prefix + p), regular: EVERY, diagnostics: [], repoPaths: known, folders: [] };
  }
  const listed = expandGlobs(root, globs, configFile);
  cache?.putListing(
    listed.folders && {
      folders: listed.folders.map((f) => [toRepoPath(root, f.abs), f.mtimeMs, f.ctimeMs, f.ino] as const),
      files: listed.files.map((abs) => toRepoPath(root, abs)),
    },
  );
  return listed;
}

const EVERY = { has: (): boolean => true };

/** Below this many files to read, starting the reader thread (~10 ms) costs more than it hides. */
const READ_AHEAD_MIN_FILES = 500;

/**
 * A message if `abs` (after resolving symlinks) is not inside `realRoot`. The native realpath is one system
 * call; the JS one lstats every path component, which was a third of a warm 10,000-file validation.
 */
function outsideRoot(realRoot: string, abs: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch {
    return undefined;
  }
  return isInside(realRoot, real) ? undefined : `resolves to ${real}, outside the repository ${realRoot}`;
}

/**
 * The bytes of a listed file, or its result when it is not a regular file or too large to read; `stats` gets
 * the descriptor's stat, taken before the read.
 */
function readChecked(job: SourceJob, stats?: Map<string, Stats>): Buffer | CheckedSource {
  return readIfSync(job.abs, (st): CheckedSource | undefined => {
    stats?.set(job.repoPath, st);
    const refused = st.isFile() ? tooLarge(job.repoPath, st.size) : notRegular(job.repoPath, st);
    return refused && { job, hash: '', result: { file: job.repoPath, docs: [], diagnostics: [refused] } };
  });
}

/** A file found by the walk or named on the command line that is a FIFO, socket, device or folder. */
function notRegular(file: string, st: Stats): Diagnostic {
  return {
    ruleId: 'load/not-regular-file',
    severity: 'error',
    file,
    message: `${fileType(st)}, not a regular file; not read`,
    hint: 'Campaign files are regular YAML files; remove it from the campaign paths.',
  };
}

function notReadable(file: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  return {
    ruleId: 'load/not-found',
    severity: 'error',
    file,
    message: code === 'ENOENT' ? 'symlink points to a file that does not exist' : `cannot read it: ${(e as Error).message}`,
    hint: 'Point the symlink at an existing file, or delete it.',
  };
}

/** The config file's bytes, or why it is not read (a FIFO, a device, too large). */
function readOrRefuse(abs: string, repoPath: string): Buffer | Diagnostic {
  try {
    return readRegularFileSync(abs, MAX_FILE_BYTES, 'config file');
  } catch (e) {
    if (!(e instanceof FileRefusal)) throw e;
    return { ruleId: e.code === 'EFBIG' ? 'load/too-large' : 'load/not-regular-file', severity: 'error', file: repoPath, message: e.message, hint: e.hint };
  }
}

function pushAll<T extends { diagnostics: readonly Diagnostic[] }>(into: Diagnostic[], r: T): T {
  append(into, r.diagnostics);
  return r;
}
