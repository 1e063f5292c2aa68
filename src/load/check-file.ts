// The per-file stage: text → documents checked against their kind's schema and the per-document
// semantic rules, with diagnostics already located. Pure (the validator is passed in), so it
// runs the same in the main thread, in worker threads and behind the cache.
import { closest, distance } from 'fastest-levenshtein';
import { KINDS, type Kind } from '../generated/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { showValue } from '../schema/format.js';
import { semanticChecks } from '../schema/semantic.js';
import { translateErrors } from '../schema/translate.js';
import {
  capGeometryProblems,
  countPositions,
  GEOMETRY_STUB,
  geometryType,
  MAX_GEOFENCE_POSITIONS,
  MAX_GEOMETRY_PROBLEMS,
  tooManyPositions,
} from './geometry-size.js';
import type { Validator } from '../schema/validator.js';
import { locateInDoc } from './locate.js';
import { fastParse, type FastDoc } from './fast-parse.js';
import { fastLocator, type Locator } from './fast-locate.js';
import { parseYaml, unsafeValues } from './parse.js';
import { resolveWindows } from './resolve-windows.js';
import { append } from '../model/append.js';

export interface CheckedDoc {
  readonly index: number;
  /** Present only when the document is a schema-valid resource. */
  readonly resource?: unknown;
  /** Kind, name and code read from an invalid document, so duplicates are still found. */
  readonly identity?: Identity;
}

export interface Identity {
  readonly kind: string;
  readonly name?: string;
  readonly code?: string;
}

export interface CheckedFile {
  readonly file: string;
  readonly docs: readonly CheckedDoc[];
  readonly diagnostics: readonly Diagnostic[];
}

export const API_VERSION = 'promoc/v1';

/**
 * Plain files whose documents are all valid take the fast path; any other file, and any file with a
 * diagnostic, is checked again on the precise path, which locates every message.
 */
export function checkFile(file: string, text: string, validator: Validator): CheckedFile {
  const fast = fastParse(text);
  return (fast && checkValidValues(file, text, fast, validator)) ?? checkFilePrecisely(file, text, validator);
}

/**
 * The checked file when every document is a valid resource with nothing to report, or is refused only for a
 * mapping too large to check (located by the scanner: the precise parse of such a file is the slow part);
 * else undefined.
 */
function checkValidValues(file: string, text: string, fast: readonly FastDoc[], validator: Validator): CheckedFile | undefined {
  const docs: CheckedDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  let locate: Locator | undefined;
  for (const d of fast) {
    const bad = unsafeValues(d.value);
    if (bad.length > 0) {
      if (!bad.every((b) => b.ruleId === 'load/too-many-keys')) return undefined;
      locate ??= fastLocator(text);
      for (const b of bad) {
        const range = locate?.(d.index, b.path, b.atKey);
        if (!range) return undefined;
        diagnostics.push({
          ruleId: b.ruleId,
          severity: 'error',
          file,
          docIndex: d.index,
          path: b.path,
          atKey: b.atKey,
          message: b.message,
          hint: b.hint,
          range,
        });
      }
      docs.push({ index: d.index });
      continue;
    }
    if (checkDocument(d.value, { file, docIndex: d.index }, validator).length > 0) return undefined;
    docs.push({ index: d.index, resource: resolveWindows(d.value) });
  }
  return { file, docs, diagnostics };
}

/** The `yaml` Document path: slower, but every diagnostic gets its exact range. */
export function checkFilePrecisely(file: string, text: string, validator: Validator): CheckedFile {
  const parsed = parseYaml(file, text);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const docs: CheckedDoc[] = [];
  for (const d of parsed.docs) {
    if (d.value === undefined) {
      docs.push({ index: d.index });
      continue;
    }
    const found = checkDocument(d.value, { file, docIndex: d.index }, validator);
    append(diagnostics, found);
    if (!found.some((x) => x.severity === 'error')) {
      docs.push({ index: d.index, resource: resolveWindows(d.value) });
      continue;
    }
    const identity = identityOf(d.value);
    docs.push(identity ? { index: d.index, identity } : { index: d.index });
  }
  const byIndex = new Map(parsed.docs.map((x) => [x.index, x.doc]));
  const located = diagnostics.map((diag) => {
    if (diag.range) return diag;
    const doc = byIndex.get(diag.docIndex ?? 0);
    return doc ? { ...diag, range: locateInDoc(doc, parsed.lineCounter, diag.path ?? [], diag.atKey) } : diag;
  });
  return { file, docs, diagnostics: located };
}

export function checkDocument(value: unknown, where: { file: string; docIndex: number }, validator: Validator): Diagnostic[] {
  const base = { severity: 'error' as const, file: where.file, docIndex: where.docIndex };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      {
        ...base,
        ruleId: 'schema/type',
        path: [],
        message: `a resource must be a mapping with apiVersion, kind, metadata and spec; got ${showValue(value)}`,
        hint: 'Start the document with `apiVersion: promoc/v1` and `kind: …`.',
      },
    ];
  }
  const obj = value as Record<string, unknown>;
  const out: Diagnostic[] = [];
  if (obj.apiVersion !== API_VERSION) {
    out.push(
      obj.apiVersion === undefined
        ? {
            ...base,
            ruleId: 'schema/required',
            path: [],
            message: 'document is missing required property "apiVersion"',
            hint: `Add \`apiVersion: ${API_VERSION}\`.`,
          }
        : {
            ...base,
            ruleId: 'schema/api-version',
            path: ['apiVersion'],
            message: `unknown apiVersion ${showValue(obj.apiVersion)}; this promoc reads ${API_VERSION}`,
            hint: `Use \`apiVersion: ${API_VERSION}\`.`,
          },
    );
  }
  const kind = obj.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    const guess = typeof kind === 'string' ? closestKind(kind) : undefined;
    out.push(
      kind === undefined
        ? {
            ...base,
            ruleId: 'schema/required',
            path: [],
            message: 'document is missing required property "kind"',
            hint: `Add \`kind:\` — one of ${KINDS.join(', ')}.`,
          }
        : {
            ...base,
            ruleId: 'schema/unknown-kind',
            path: ['kind'],
            message: `unknown kind ${showValue(kind)}${guess ? `; did you mean "${guess}"?` : ''}`,
            hint: `Kinds: ${[...KINDS].sort().join(', ')}.`,
          },
    );
    return out;
  }
  if (out.length > 0) return out;
  const inline = kind === 'Geofence' ? inlineGeometry(obj, where, validator) : undefined;
  const checked = inline?.rest ?? value;
  const found = [...translateErrors(validator.validateResource(kind as Kind, checked), checked, validator, where), ...(inline?.errors ?? [])];
  const errors = kind === 'Geofence' ? capInlineGeometry(found, obj, where) : found;
  // Semantic checks are defensive about types, so they run on invalid documents too; a path the
  // schema already flagged is not reported twice.
  const flagged = new Set(found.map((e) => (e.path ?? []).join('/')));
  return [...errors, ...semanticChecks(inline?.tooLarge ? checked : value, where).filter((d) => !flagged.has((d.path ?? []).join('/')))];
}

/**
 * A Geofence's inline coordinates, checked apart from the rest of the document: first their size (over
 * the limit, nothing else looks at them), then against the branch their `type` names, while the resource
 * schema sees a small valid stand-in. Undefined when there are no coordinates to take apart.
 */
function inlineGeometry(
  obj: Record<string, unknown>,
  where: { file: string; docIndex: number },
  validator: Validator,
): { rest: unknown; errors: Diagnostic[]; tooLarge: boolean } | undefined {
  const spec = obj.spec;
  if (!isMapping(spec) || !isMapping(spec.geometry) || !('coordinates' in spec.geometry)) return undefined;
  const geometry = spec.geometry;
  const type = geometryType(geometry);
  const positions = countPositions(geometry);
  const withGeometry = (g: unknown): unknown => ({ ...obj, spec: { ...spec, geometry: g } });
  if (positions > MAX_GEOFENCE_POSITIONS) {
    const name = isMapping(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '(unnamed)';
    // The stand-in keeps the author's `type`, so a wrong one is still reported.
    const at = { ...where, path: ['spec', 'geometry', 'coordinates'], atKey: true };
    return {
      rest: withGeometry({ ...GEOMETRY_STUB[type ?? 'Polygon'], type: geometry.type }),
      errors: [tooManyPositions(at, name, positions)],
      tooLarge: true,
    };
  }
  if (!type) return undefined; // a wrong `type`: the whole oneOf explains it, and the size is bounded
  const branch = validator.validateGeometry(type, geometry).map((e) => ({ ...e, instancePath: `/spec/geometry${e.instancePath}` }));
  return { rest: withGeometry(GEOMETRY_STUB[type]), errors: translateErrors(branch, obj, validator, where), tooLarge: false };
}

/** A Geofence's schema problems under spec.geometry, at most MAX_GEOMETRY_PROBLEMS of them (whichever way they were found). */
function capInlineGeometry(errors: Diagnostic[], obj: Record<string, unknown>, where: { file: string; docIndex: number }): Diagnostic[] {
  const inGeometry = (d: Diagnostic): boolean => d.path?.[0] === 'spec' && d.path[1] === 'geometry';
  const geometry = errors.filter(inGeometry);
  if (geometry.length <= MAX_GEOMETRY_PROBLEMS) return errors;
  const name = isMapping(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '(unnamed)';
  return [...errors.filter((d) => !inGeometry(d)), ...capGeometryProblems(geometry, { ...where, path: ['spec', 'geometry'], atKey: true }, name)];
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function closestKind(kind: string): string | undefined {
  const norm = kind.toLowerCase().replace(/[-_ ]/g, '');
  const lower = KINDS.find((k) => k.toLowerCase() === norm) ?? KINDS.find((k) => norm.length >= 4 && k.toLowerCase().startsWith(norm));
  if (lower) return lower;
  const c = closest(kind, [...KINDS]);
  return distance(kind, c) <= 3 ? c : undefined;
}

function identityOf(v: unknown): Identity | undefined {
  const o = v as { kind?: unknown; metadata?: { name?: unknown }; spec?: { code?: unknown } } | null;
  if (!o || typeof o !== 'object' || typeof o.kind !== 'string') return undefined;
  const name = typeof o.metadata?.name === 'string' ? o.metadata.name : undefined;
  const code = typeof o.spec?.code === 'string' ? o.spec.code : undefined;
  return { kind: o.kind, ...(name !== undefined ? { name } : {}), ...(code !== undefined ? { code } : {}) };
}
