// Which APIs a target name means. A configured target is one API; the embedded `local` target is all four
// emulators, started in-process, each planning the resources labelled `target: <provider>` (the examples'
// convention). Secrets come from the environment variables the config names, never from the file.
import type { PromocConfig } from '../generated/index.js';
import type { CredentialVariables, Target } from '../generated/config.js';
import { ProviderError, UsageError } from '../model/errors.js';
import { PROVIDER_IDS, type Connection, type ProviderId } from '../providers/provider.js';
import { LOCAL_REFS, type MobilityRefs } from '../providers/mobility/refs.js';
import { READ_ONLY_KEYS } from '../providers/read-only-keys.js';

export const LOCAL = 'local';

export interface Binding {
  readonly provider: ProviderId;
  readonly connection: Connection;
  /** Resources whose metadata.labels contain all of these. */
  readonly selector: Readonly<Record<string, string>>;
  /** Only these kinds; undefined: every kind the provider can express. */
  readonly kinds?: readonly string[];
  readonly currency?: string;
  /** Mobility: names → numeric ids (targets.<name>.ids). */
  readonly ids?: MobilityRefs;
  /** Where the base URL does not identify the API (the embedded emulators): `local:<state folder>`. */
  readonly instance?: string;
}

/** Which credentials a command needs: plan, import and drift read; apply writes. */
export type Access = 'read' | 'write';

export type TargetSpec =
  | { readonly name: string; readonly local: true }
  | { readonly name: string; readonly local: false; readonly bindings: readonly Binding[] };

export function targetName(config: PromocConfig, requested: string | undefined): string {
  return requested ?? config.defaultTarget ?? LOCAL;
}

export function resolveTarget(config: PromocConfig, name: string, env: Readonly<Record<string, string | undefined>>, access: Access = 'read'): TargetSpec {
  const configured = config.targets?.[name];
  if (!configured) {
    if (name === LOCAL) return { name, local: true };
    const known = [LOCAL, ...Object.keys(config.targets ?? {})].join(', ');
    throw new UsageError(`unknown target "${name}"`, `Use one of: ${known}, or add it under targets in promoc.config.yaml.`);
  }
  return { name, local: false, bindings: [bindingFor(name, configured, env, access)] };
}

function bindingFor(name: string, t: Target, env: Readonly<Record<string, string | undefined>>, access: Access): Binding {
  const url = checkedUrl(name, t.baseUrl);
  const baseUrl = t.provider === 'mobility' && t.organization && !url.endsWith(`/v1/${t.organization}`) ? `${url}/v1/${encodeURIComponent(t.organization)}` : url;
  const connection: Connection = {
    baseUrl,
    ...(t.organization ? { organization: t.organization } : {}),
    credentials: credentialsFor(name, t, env, access),
    ...(t.rateLimitPerSecond !== undefined ? { rateLimitPerSecond: t.rateLimitPerSecond } : { rateLimitPerSecond: 10 }),
    ...(t.timeoutMs !== undefined ? { timeoutMs: t.timeoutMs } : {}),
    ...(t.concurrency !== undefined ? { concurrency: t.concurrency } : {}),
    ...(t.pageSize !== undefined ? { pageSize: t.pageSize } : {}),
  };
  return {
    provider: t.provider, connection, selector: { ...(t.selector as Record<string, string> | undefined) },
    ...(t.kinds ? { kinds: t.kinds } : {}), ...(t.currency ? { currency: t.currency } : {}),
    ...(t.provider === 'mobility' ? { ids: refsOf(t.ids) } : {}),
  };
}

function refsOf(ids: Target['ids']): MobilityRefs {
  const table = (m: Record<string, number | undefined> | undefined): Record<string, number> => Object.fromEntries(Object.entries(m ?? {}).filter((e): e is [string, number] => e[1] !== undefined));
  return { branches: table(ids?.branches), vehicleCategories: table(ids?.vehicleCategories), additions: table(ids?.additions), businessUnits: table(ids?.businessUnits), defaultBusinessUnit: ids?.defaultBusinessUnit ?? 1 };
}

function checkedUrl(name: string, raw: string): string {
  let url: URL;
  try { url = new URL(raw); } catch { throw new UsageError(`targets.${name}.baseUrl "${raw}" is not a URL`, 'Write the API base URL, e.g. https://api.example.com.'); }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) throw new UsageError(`targets.${name}.baseUrl must use https (got ${url.protocol}//${url.host})`, 'Plain http is only allowed for loopback addresses.');
  if (url.username || url.password) throw new UsageError(`targets.${name}.baseUrl must not carry credentials`, 'Name environment variables under targets.<name>.credentials instead.');
  return raw.replace(/\/+$/, '');
}

/** The variables a command reads: credentials.read or credentials.write when given, else those directly under credentials. */
export function credentialSource(t: Target, access: Access): { readonly setting: string; readonly variables: CredentialVariables | undefined } {
  const split = t.credentials?.[access];
  return split ? { setting: `credentials.${access}`, variables: split } : { setting: 'credentials', variables: t.credentials };
}

function credentialsFor(name: string, t: Target, env: Readonly<Record<string, string | undefined>>, access: Access): Record<string, string> {
  const { setting: at, variables: c } = credentialSource(t, access);
  const wanted: [string, string | undefined, string][] = t.provider === 'mobility'
    ? [['clientId', c?.clientIdEnv, `${at}.clientIdEnv`], ['clientKey', c?.clientKeyEnv, `${at}.clientKeyEnv`]]
    : [['apiKey', c?.apiKeyEnv, `${at}.apiKeyEnv`]];
  const out: Record<string, string> = {};
  for (const [key, variable, setting] of wanted) {
    if (!variable) {
      const leaf = setting.slice(setting.lastIndexOf('.') + 1);
      throw new ProviderError(`target ${name} (${t.provider}) has no targets.${name}.${setting}`, { provider: t.provider, hint: `Name the environment variable that holds the secret, e.g. ${at}: { ${leaf}: ${name.toUpperCase().replace(/-/g, '_')}_${key === 'apiKey' ? 'API_KEY' : key === 'clientId' ? 'CLIENT_ID' : 'CLIENT_KEY'} }.` });
    }
    const value = env[variable];
    if (!value) throw new ProviderError(`environment variable ${variable} (targets.${name}.${setting}) is not set`, { provider: t.provider, hint: `Export ${variable} with the ${t.provider} ${key === 'apiKey' ? 'API key' : key} before running promoc.` });
    out[key] = value;
  }
  return out;
}

/**
 * One binding for a debug line: provider, base URL, whose labels it plans, and where its credentials come
 * from — the environment variables' names from the config, never their values.
 */
export function describeBinding(b: Binding, configured: Target | undefined, access: Access = 'read'): string {
  const selector = Object.entries(b.selector).map(([k, v]) => `${k}=${v}`).join(', ');
  const source = configured ? credentialSource(configured, access) : undefined;
  const c = source?.variables;
  const from = c ? [c.apiKeyEnv, c.clientIdEnv, c.clientKeyEnv].filter((v): v is string => typeof v === 'string').map((v) => `$${v}`).join(' and ') : undefined;
  const keys = READ_ONLY_KEYS[b.provider];
  const readOnly = access === 'read' && configured ? (keys.available ? `; read-only keys: ${keys.note}` : `; no read-only keys: ${keys.note}`) : '';
  return `${b.provider} at ${b.connection.baseUrl}${b.connection.organization ? ` (organization ${b.connection.organization})` : ''}, resources labelled ${selector || '(any)'}, ${access} credentials ${from ? `from ${from} (${source!.setting})` : 'of the embedded emulator'}${readOnly}`;
}

/** The local target's bindings, once the emulators are up. */
export function localBindings(endpoints: Readonly<Partial<Record<ProviderId, { apiBaseUrl: string; tenant: string; credentials: LocalCredentials }>>>, dataDir?: string): Binding[] {
  return PROVIDER_IDS.flatMap((provider) => {
    const e = endpoints[provider];
    if (!e) return [];
    const credentials: Record<string, string> = e.credentials.kind === 'api-key' ? { apiKey: e.credentials.apiKey } : { clientId: e.credentials.clientId, clientKey: e.credentials.clientKey };
    return [{ provider, connection: { baseUrl: e.apiBaseUrl, organization: e.tenant, credentials, concurrency: 8 }, selector: { target: provider }, ...(provider === 'mobility' ? { ids: LOCAL_REFS } : {}), ...(dataDir ? { instance: `local:${dataDir}` } : {}) }];
  });
}

type LocalCredentials = { readonly kind: 'api-key'; readonly apiKey: string } | { readonly kind: 'api-client'; readonly clientId: string; readonly clientKey: string };

/**
 * Whether a run prunes: --prune / --no-prune, else targets.<name>.prune, else the top-level prune, else on.
 * Deletions are changes like any other: a campaign removed from git is removed from the API unless a team
 * turns this off on purpose.
 */
export function pruneSetting(config: PromocConfig, target: string, flag: boolean | undefined): boolean {
  return flag ?? config.targets?.[target]?.prune ?? config.prune ?? true;
}
