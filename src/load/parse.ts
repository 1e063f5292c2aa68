// YAML text → plain values, with every problem a located diagnostic. Pure: no I/O.
// YAML 1.2 core schema (dates stay strings, `no` stays a string), unique keys, no custom tags,
// bounded alias expansion, no prototype-polluting keys, finite numbers only, a bounded number of documents.
import {
  Composer,
  isScalar,
  LineCounter,
  parseAllDocuments,
  Parser,
  visit,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import type { Diagnostic, DocPath, Range } from '../model/diagnostic.js';

/** Aliases a document may expand; a billion-laughs file exceeds it at once. */
export const MAX_ALIAS_COUNT = 200;
/** Documents one file may hold; 100,000 empty ones took a minute and then overflowed the stack. */
export const MAX_DOCUMENTS = 5_000;
/** Keys one mapping may hold; validating and reporting on 100,000 took seconds and helps no one. */
export const MAX_MAPPING_KEYS = 10_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedDoc {
  readonly index: number;
  /** Undefined when the document could not be turned into a value. */
  readonly value: unknown;
  readonly doc: Document.Parsed;
}

export interface ParsedFile {
  readonly docs: readonly ParsedDoc[];
  readonly lineCounter: LineCounter;
  readonly diagnostics: readonly Diagnostic[];
}

// The parser's own unique-key check compares each key with every earlier one (20,000 keys took 9 s);
// duplicateKeys() does the same check with a Set.
const options = (lineCounter: LineCounter): ParseOptions & DocumentOptions & SchemaOptions => ({
  lineCounter,
  schema: 'core',
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  merge: false,
  customTags: [],
});

/** The documents of `text` with their ranges and nothing else: what locating a path needs. */
export function parseDocuments(text: string): { docs: readonly Document.Parsed[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const all = parseAllDocuments(text, options(lineCounter));
  return { docs: Array.isArray(all) ? all : [], lineCounter };
}

export function parseYaml(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const composer = new Composer(options(lineCounter));
  const diagnostics: Diagnostic[] = [];
  const docs: ParsedDoc[] = [];
  const list: Document.Parsed[] = [];
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
    if (list.length === MAX_DOCUMENTS) {
      diagnostics.push({
        ruleId: 'load/too-many-documents',
        severity: 'error',
        file,
        docIndex: list.length,
        message: `file holds more than ${MAX_DOCUMENTS.toLocaleString('en-US')} YAML documents; the rest were not read`,
        hint: 'Split it into several files; a campaign file holds a few dozen resources.',
        range: rangeOf(doc.range, lineCounter),
      });
      break;
    }
    list.push(doc);
  }
  list.forEach((doc, index) => {
    const errors = rootCauses([...doc.errors, ...duplicateKeys(doc), ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')]);
    for (const e of errors) diagnostics.push(yamlErrorDiagnostic(file, index, e, lineCounter, text));
    if (doc.errors.length > 0 || errors.length > 0) {
      docs.push({ index, value: undefined, doc });
      return;
    }
    if (doc.contents === null) return; // an empty document between `---` markers
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        ruleId: 'load/alias-bomb',
        severity: 'error',
        file,
        docIndex: index,
        message: `document expands more than ${MAX_ALIAS_COUNT} aliases (${error instanceof Error ? error.message : String(error)})`,
        hint: 'Write the values out instead of nesting aliases; promoc refuses exponential alias expansion.',
        range: rangeOf(doc.contents.range, lineCounter),
      });
      docs.push({ index, value: undefined, doc });
      return;
    }
    const bad = unsafeValues(value);
    for (const b of bad)
      diagnostics.push({ ruleId: b.ruleId, severity: 'error', file, docIndex: index, path: b.path, atKey: b.atKey, message: b.message, hint: b.hint });
    docs.push({ index, value: bad.length > 0 ? undefined : value, doc });
  });
  if (list.length > 0 && docs.length === 0 && diagnostics.length === 0) {
    diagnostics.push({
      ruleId: 'load/empty',
      severity: 'error',
      file,
      message: 'file has no YAML documents',
      hint: 'Add a resource or delete the file.',
      range: rangeOf([0, 0], lineCounter),
    });
  }
  return { docs, lineCounter, diagnostics };
}

/** Keys repeated in a mapping, as the errors the parser's `uniqueKeys` would give (at each later key). */
function duplicateKeys(doc: Document.Parsed): YAMLError[] {
  const out: YAMLError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // As the parser compares them: scalar keys by value (1 and "1" differ), any other key by identity.
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          const at = pair.key.range?.[0] ?? 0;
          out.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else {
          seen.add(pair.key.value);
        }
      }
    },
  });
  return out;
}

const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  DUPLICATE_KEY: 'Remove one of the two keys; YAML mappings cannot repeat a key.',
  TAG_RESOLVE_FAILED: 'Remove the custom tag (`!…`); promoc accepts plain YAML only.',
  BAD_INDENT: 'Check the indentation and that every bracket is closed.',
  MISSING_CHAR: 'A closing bracket or quote is missing.',
  MULTILINE_IMPLICIT_KEY: 'Put a space after the colon, or quote the value.',
};

/**
 * One syntax mistake makes the parser report a cascade (a tab gives four errors). Keep every
 * duplicate key and custom tag (each is its own mistake) and only the first syntax error,
 * preferring a tab, which is the usual root cause.
 */
function rootCauses(errors: readonly YAMLError[]): YAMLError[] {
  const independent = errors.filter((e) => e.code === 'DUPLICATE_KEY' || e.code === 'TAG_RESOLVE_FAILED');
  const syntax = errors.filter((e) => !independent.includes(e));
  const first = syntax.find((e) => e.code === 'TAB_AS_INDENT') ?? syntax.sort((a, b) => a.pos[0] - b.pos[0])[0];
  return [...independent, ...(first ? [first] : [])].sort((a, b) => a.pos[0] - b.pos[0]);
}

function yamlErrorDiagnostic(file: string, docIndex: number, e: YAMLError, lc: LineCounter, text: string): Diagnostic {
  let message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(message)) {
    return {
      ruleId: 'load/too-deep',
      severity: 'error',
      file,
      docIndex,
      message: 'document nests too deeply for the YAML parser',
      hint: 'Flatten the structure; campaigns never need more than a few dozen levels.',
      range: rangeOf(e.pos, lc),
    };
  }
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^["']?([^"':\n]+)/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[1]?.trim();
    if (key) message = `duplicate key "${key}": map keys must be unique`;
  }
  return {
    ruleId: e.code === 'DUPLICATE_KEY' ? 'load/duplicate-key' : e.code === 'TAG_RESOLVE_FAILED' ? 'load/custom-tag' : 'load/syntax',
    severity: 'error',
    file,
    docIndex,
    message: `${message[0]!.toLowerCase()}${message.slice(1)}`,
    hint: YAML_HINTS[e.code] ?? 'Fix the YAML syntax at this position.',
    range: rangeOf(e.pos, lc),
  };
}

export function rangeOf(r: readonly number[] | undefined, lc: LineCounter): Range {
  const [s = 0, e = s] = r ?? [];
  const a = lc.linePos(s);
  const b = lc.linePos(Math.max(s, e));
  return { start: { line: a.line, col: a.col }, end: { line: b.line, col: b.col } };
}

export interface Unsafe {
  ruleId: string;
  path: DocPath;
  atKey: boolean;
  message: string;
  hint: string;
}

/**
 * Mappings of more than MAX_MAPPING_KEYS keys, keys that could pollute prototypes, numbers JSON cannot hold or a
 * double cannot hold exactly, and values that contain themselves (an alias inside its own anchor, `&a [ {x: *a} ]`,
 * which every later walk would follow forever); reported, never passed on. Iterative, with the objects on the current path kept to tell a cycle from an anchor
 * merely used twice.
 */
export function unsafeValues(root: unknown): Unsafe[] {
  const out: Unsafe[] = [];
  const onPath = new Set<object>();
  const stack: { v: unknown; path: (string | number)[]; leave?: true }[] = [{ v: root, path: [] }];
  while (stack.length > 0) {
    const { v, path, leave } = stack.pop()!;
    if (leave) {
      onPath.delete(v as object);
      continue;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      out.push({
        ruleId: 'load/number',
        path,
        atKey: false,
        message: `${String(v)} is not a finite number`,
        hint: 'Use a number within ±1.8e308; quote it if it is meant as text.',
      });
      continue;
    }
    if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) {
      out.push({
        ruleId: 'load/number',
        path,
        atKey: false,
        message:
          `this integer is beyond ±${Number.MAX_SAFE_INTEGER} (2^53 − 1): it reads as ${String(v)}` +
          `, so validate, bundles and the targets would not all see the number written`,
        hint: 'Use a number within ±9007199254740991, or quote it if it is an identifier.',
      });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (onPath.has(v)) {
      out.push({
        ruleId: 'load/alias-cycle',
        path,
        atKey: false,
        message: 'this alias refers to a node that contains it, so the value would contain itself',
        hint: 'Write the value out; an anchor cannot be used inside itself.',
      });
      continue;
    }
    onPath.add(v);
    stack.push({ v, path, leave: true });
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
    } else {
      const keys = Object.keys(v);
      if (keys.length > MAX_MAPPING_KEYS) {
        out.push({
          ruleId: 'load/too-many-keys',
          path,
          atKey: path.length > 0,
          message:
            `this mapping has ${keys.length.toLocaleString('en-US')} keys, over the limit ` +
            `of ${MAX_MAPPING_KEYS.toLocaleString('en-US')}; it was not checked further`,
          hint: 'A campaign needs a few dozen keys in a mapping; split the data or move it out of the campaign file.',
        });
        continue;
      }
      for (const key of keys) {
        if (FORBIDDEN_KEYS.has(key)) {
          out.push({
            ruleId: 'load/forbidden-key',
            path: [...path, key],
            atKey: true,
            message: `key "${key}" is not allowed`,
            hint: 'Rename or remove the key; promoc rejects keys that could alter object prototypes.',
          });
        } else {
          stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
        }
      }
    }
  }
  return out.reverse();
}
