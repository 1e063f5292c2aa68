// `promoc compile`: the exact, ordered API calls a plan implies, for review. Pure views of the call graph:
// JSON, an .http file (REST Client / JetBrains), or curl commands. Credentials are never shown: a header
// names the environment variable that holds the secret (`$LAGO_KEY`), or says <redacted>. Ids that only
// exist once an earlier call has answered are written `{{id of Kind/name}}`.
import type { Json } from '../model/canonical.js';
import type { AuthView, ProviderId } from '../providers/provider.js';
import { writesFor } from '../providers/index.js';
import { knownIds } from '../apply/plan-to-calls.js';
import { CALLS_FORMAT, describeResource, type CallGraph, type Step } from '../apply/call-graph.js';
import { resourceKey } from '../model/resource.js';

export const CALL_FORMATS = ['json', 'http', 'curl'] as const;
export type CallFormat = (typeof CALL_FORMATS)[number];

/** How to reach one API, as shown to a reviewer. */
export interface ApiView extends AuthView {
  readonly baseUrl: string;
}

export interface RenderedCall {
  readonly step: string;
  readonly after: readonly string[];
  readonly resource: string;
  readonly action: string;
  readonly op: Step['op'];
  readonly method: Step['method'];
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Json;
}

export function viewCalls(graph: CallGraph, apis: Readonly<Partial<Record<ProviderId, ApiView>>>): RenderedCall[] {
  const known = knownIds(graph);
  return graph.steps.map((s) => {
    const r = graph.resources[s.resource]!;
    const api = apis[r.provider];
    const adapter = writesFor(r.provider);
    const id = s.target === 'live' && r.liveId !== undefined ? adapter.pathId(r.liveId) : `{{id of ${resourceKey(r)}}}`;
    const headers: Record<string, string> = { [api?.auth.header ?? 'authorization']: api?.auth.value ?? '<redacted>' };
    if (s.body !== undefined) headers['content-type'] = 'application/json';
    return {
      step: s.id,
      after: s.after,
      resource: describeResource(r),
      action: r.action,
      op: s.op,
      method: s.method,
      url: `${api?.baseUrl ?? ''}${s.path.replace('{id}', id)}`,
      headers,
      ...(s.body !== undefined ? { body: showRefs(s.body, known.get(r.provider) ?? new Map(), adapter.pathId) } : {}),
    };
  });
}

/** Mobility tag placeholders → the annotation id when the tag exists already, else a named placeholder. */
function showRefs(body: Json, known: ReadonlyMap<string, string>, pathId: (id: string) => string): Json {
  if (Array.isArray(body)) return (body as readonly Json[]).map((b) => showRefs(b, known, pathId));
  if (body && typeof body === 'object') {
    const o = body as { readonly [k: string]: Json };
    if (typeof o.$tag === 'string' && Object.keys(o).length === 1) {
      const id = known.get(`Tag/${o.$tag}`);
      return id !== undefined && /^\d+$/.test(pathId(id)) ? Number(pathId(id)) : `{{id of Tag/${o.$tag}}}`;
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, showRefs(v, known, pathId)]));
  }
  return body;
}

export function renderCalls(graph: CallGraph, format: CallFormat, apis: Readonly<Partial<Record<ProviderId, ApiView>>>): string {
  const calls = viewCalls(graph, apis);
  if (format === 'json') {
    return (
      `${JSON.stringify({ format: CALLS_FORMAT, target: graph.target, planFingerprint: graph.planFingerprint, calls, untouched: graph.untouched }, null, 2)}` +
      `\n`
    );
  }
  const notes = [
    ...new Set(
      Object.entries(apis)
        .filter(([p]) => graph.resources.some((r) => r.provider === p))
        .map(([, a]) => a.note)
        .filter((n): n is string => !!n),
    ),
  ];
  const head = `${calls.length} call${calls.length === 1 ? '' : 's'} for target ${graph.target}, in order (a call waits for the ones listed after "after:").`;
  const out = format === 'http' ? calls.map(httpBlock) : calls.map(curlCommand);
  return `${[head, ...notes].map((l) => `# ${l}`).join('\n')}\n\n${out.join('\n\n')}${out.length > 0 ? '\n' : ''}`;
}

const title = (c: RenderedCall): string => `${c.step} ${c.op} ${c.resource}${c.after.length > 0 ? ` (after: ${c.after.join(', ')})` : ''}`;

function httpBlock(c: RenderedCall): string {
  const headers = Object.entries(c.headers).map(([k, v]) => `${k}: ${v}`);
  return [`### ${title(c)}`, `${c.method} ${c.url}`, ...headers, ...(c.body !== undefined ? ['', JSON.stringify(c.body, null, 2)] : [])].join('\n');
}

/** Single quotes for the shell, except that `$NAME` header values must expand: those get double quotes. */
function curlCommand(c: RenderedCall): string {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const header = (k: string, v: string): string => (/\$[A-Z_][A-Z0-9_]*/.test(v) && !/["`\\]/.test(v) ? `"${k}: ${v}"` : quote(`${k}: ${v}`));
  const parts = [`curl -sS -X ${c.method} ${quote(c.url)}`, ...Object.entries(c.headers).map(([k, v]) => `-H ${header(k, v)}`)];
  if (c.body !== undefined) parts.push(`--data-binary ${quote(JSON.stringify(c.body))}`);
  return `# ${title(c)}\n${parts.join(' \\\n  ')}`;
}
