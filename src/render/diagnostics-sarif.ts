// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules that can fire (with
// their docs), one result per diagnostic. Validated against the OASIS schema in a test. A pure view.
import type { Diagnostic, Severity } from '../model/diagnostic.js';

export interface SarifRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** What the rule checks, a paragraph. */
  readonly fullDescription?: string;
  /** The rule's docs page: plain text and Markdown. */
  readonly help?: { readonly text: string; readonly markdown: string };
  readonly helpUri?: string;
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** Rule metadata; diagnostics of other ids (schema/…, load/…) get a minimal entry. */
  readonly rules: readonly SarifRule[];
  readonly informationUri?: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warn: 'warning', info: 'note' };

export function renderSarif(diags: readonly Diagnostic[], options: SarifOptions): string {
  const known = new Map(options.rules.map((r) => [r.id, r]));
  const ids = [...new Set([...options.rules.map((r) => r.id), ...diags.map((d) => d.ruleId)])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'promoc',
            version: options.toolVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: ids.map((id) => ruleDescriptor(id, known.get(id))),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diags.map((d) => result(d, index.get(d.ruleId)!)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(id: string, rule: SarifRule | undefined) {
  if (!rule) return { id, shortDescription: { text: id } };
  return {
    id,
    name: id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    ...(rule.fullDescription ? { fullDescription: { text: rule.fullDescription } } : {}),
    ...(rule.help ? { help: { text: rule.help.text, markdown: rule.help.markdown } } : {}),
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function result(d: Diagnostic, ruleIndex: number) {
  const location = physical(d.file, d.range);
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
    ...(location ? { locations: [{ physicalLocation: location }] } : {}),
    ...(d.related && d.related.length > 0
      ? {
          relatedLocations: d.related.flatMap((r, i) => {
            const p = physical(r.file, r.range);
            return p ? [{ id: i + 1, physicalLocation: p, message: { text: r.message } }] : [];
          }),
        }
      : {}),
    // Stable across edits that only move lines, so code scanning keeps one alert per finding.
    partialFingerprints: { 'promocFinding/v1': fingerprint(`${d.ruleId}\0${d.file}\0${d.message}`) },
  };
}

function physical(file: string, range: Diagnostic['range']) {
  if (!file) return undefined;
  return {
    artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
    ...(range
      ? {
          region: {
            startLine: range.start.line,
            startColumn: range.start.col,
            endLine: Math.max(range.end.line, range.start.line),
            endColumn: range.end.line > range.start.line ? range.end.col : Math.max(range.end.col, range.start.col),
          },
        }
      : {}),
  };
}

/** FNV-1a, 32 bits, hex: a short stable id, not a security hash. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
