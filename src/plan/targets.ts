// Which APIs a target name means. A configured target is one API; the embedded `local` target is all four
// emulators, started in-process, each planning the resources labelled `target: <provider>` (the examples'
// convention). Secrets come from the environment variables the config names, never from the file.
import { BlockList, isIP } from 'node:net';
import type { PromocConfig } from '../generated/index.js';
import type { Target } from '../generated/config.js';
import { ProviderError, InvocationError } from '../model/errors.js';
import { PROVIDER_IDS, providerFor } from '../providers/index.js';
import type { Connection, ProviderId, TargetIds } from '../providers/provider.js';
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
  /** A configured target's names → numeric ids (targets.<name>.ids); the local target's providers know their emulator's. */
  readonly ids?: TargetIds;
  /** Where the base URL does not identify the API (the embedded emulators): `local:<state folder>`. */
  readonly instance?: string;
}

/** Which credentials a command needs: plan, import and drift read; apply writes. */
export type Access = 'read' | 'write';

export type TargetSpec =
  { readonly name: string; readonly local: true } | { readonly name: string; readonly local: false; readonly bindings: readonly Binding[] };

export function targetName(config: PromocConfig, requested: string | undefined): string {
  return requested ?? config.defaultTarget ?? LOCAL;
}

export function resolveTarget(config: PromocConfig, name: string, env: Readonly<Record<string, string | undefined>>, access: Access = 'read'): TargetSpec {
  const configured = config.targets?.[name];
  if (!configured) {
    if (name === LOCAL) return { name, local: true };
    const known = [LOCAL, ...Object.keys(config.targets ?? {})].join(', ');
    throw new InvocationError(`unknown target "${name}"`, `Use one of: ${known}, or add it under targets in promoc.config.yaml.`);
  }
  return { name, local: false, bindings: [bindingFor(name, configured, env, access)] };
}

function bindingFor(name: string, t: Target, env: Readonly<Record<string, string | undefined>>, access: Access): Binding {
  const url = checkedUrl(name, t.baseUrl);
  const provider = providerFor(t.provider);
  const baseUrl = provider.baseUrl ? provider.baseUrl(url, t.organization) : url;
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
    provider: t.provider,
    connection,
    selector: { ...(t.selector as Record<string, string> | undefined) },
    ...(t.kinds ? { kinds: t.kinds } : {}),
    ...(t.currency ? { currency: t.currency } : {}),
    ...(provider.withIds ? { ids: t.ids ?? {} } : {}),
  };
}

function checkedUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvocationError(`targets.${name}.baseUrl "${raw}" is not a URL`, 'Write the API base URL, e.g. https://api.example.com.');
  }
  const loopback = isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !loopback)
    throw new InvocationError(
      `targets.${name}.baseUrl must use https (got ${url.protocol}//${url.host})`,
      'Plain http is only allowed for loopback addresses.',
    );
  if (url.username || url.password)
    throw new InvocationError(`targets.${name}.baseUrl must not carry credentials`, 'Name environment variables under targets.<name>.credentials instead.');
  // A query (`?access_token=…`) was printed raw on the debug line and cut every request's resource path off; not echoed here.
  if (raw.includes('?') || raw.includes('#'))
    throw new InvocationError(
      `targets.${name}.baseUrl must not carry a query string or fragment (${url.origin}${url.pathname}…)`,
      'Write only scheme, host and path; name the environment variables that hold secrets under targets.<name>.credentials.',
    );
  return raw.replace(/\/+$/, '');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** localhost, 127.0.0.0/8 and ::1, also written as an IPv4-mapped IPv6 address (`[::ffff:127.0.0.1]`). */
function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  const ip = hostname.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(ip);
  return family !== 0 && LOOPBACK.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

function credentialsFor(name: string, t: Target, env: Readonly<Record<string, string | undefined>>, access: Access): Record<string, string> {
  const out: Record<string, string> = {};
  const at = credentialSetting(t, access);
  for (const { name: key, label } of providerFor(t.provider).credentials) {
    const setting = `${key}Env`;
    const variable = credentialVariables(t, access)[key];
    if (!variable)
      throw new ProviderError(`target ${name} (${t.provider}) has no targets.${name}.${at}.${setting}`, {
        provider: t.provider,
        hint:
          `Name the environment variable that holds the secret, e.g. ${at}: { ${setting}: ` +
          `${name.toUpperCase().replace(/-/g, '_')}_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()} }.`,
      });
    const value = env[variable];
    if (!value)
      throw new ProviderError(`environment variable ${variable} (targets.${name}.${at}.${setting}) is not set`, {
        provider: t.provider,
        hint: `Export ${variable} with the ${t.provider} ${label} before running promoc.`,
      });
    out[key] = value;
  }
  return out;
}

/** Where a command's credential variables are named: credentials.read / credentials.write when given, else credentials. */
export function credentialSetting(t: Target | undefined, access: Access): string {
  return t?.credentials?.[access] ? `credentials.${access}` : 'credentials';
}

/**
 * Credential name → the environment variable the config names for it (`credentials.<name>Env`, or under
 * credentials.read / credentials.write for the access a command needs).
 */
export function credentialVariables(t: Target | undefined, access: Access = 'read'): Record<string, string | undefined> {
  const c = (t?.credentials?.[access] ?? t?.credentials ?? {}) as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(c)
      .filter((e): e is [string, string] => e[0].endsWith('Env') && typeof e[1] === 'string')
      .map(([k, v]) => [k.slice(0, -3), v]),
  );
}

/**
 * One binding for a debug line: provider, base URL, whose labels it plans, and where its credentials come
 * from — the environment variables' names from the config, never their values.
 */
export function describeBinding(b: Binding, configured: Target | undefined, access: Access = 'read'): string {
  const selector = Object.entries(b.selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const variables = configured ? Object.values(credentialVariables(configured, access)).filter((v): v is string => typeof v === 'string') : [];
  const from = variables.length > 0 ? `from ${variables.map((v) => `$${v}`).join(' and ')} (${credentialSetting(configured, access)})` : undefined;
  const keys = READ_ONLY_KEYS[b.provider];
  const readOnly = access === 'read' && configured ? `; ${keys.available ? 'read-only keys exist' : 'no read-only keys'}: ${keys.note}` : '';
  return (
    `${b.provider} at ${b.connection.baseUrl}` +
    `${b.connection.organization ? ` (organization ${b.connection.organization})` : ''}, resources labelled ` +
    `${selector || '(any)'}, ${access} credentials ${from ?? 'of the embedded emulator'}${readOnly}`
  );
}

/** The local target's bindings, once the emulators are up. */
export function localBindings(
  endpoints: Readonly<Partial<Record<ProviderId, { apiBaseUrl: string; tenant: string; credentials: LocalCredentials }>>>,
  dataDir?: string,
): Binding[] {
  return PROVIDER_IDS.flatMap((provider) => {
    const e = endpoints[provider];
    if (!e) return [];
    const offered = e.credentials as Readonly<Record<string, string>>;
    const credentials = Object.fromEntries(providerFor(provider).credentials.map(({ name }) => [name, offered[name] ?? '']));
    return [
      {
        provider,
        connection: { baseUrl: e.apiBaseUrl, organization: e.tenant, credentials, concurrency: 8 },
        selector: { target: provider },
        ...(dataDir ? { instance: `local:${dataDir}` } : {}),
      },
    ];
  });
}

type LocalCredentials =
  { readonly kind: 'api-key'; readonly apiKey: string } | { readonly kind: 'api-client'; readonly clientId: string; readonly clientKey: string };

/**
 * Whether a run prunes: --prune / --no-prune, else targets.<name>.prune, else the top-level prune, else on.
 * Deletions are changes like any other: a campaign removed from git is removed from the API unless a team
 * turns this off on purpose.
 */
export function pruneSetting(config: PromocConfig, target: string, flag: boolean | undefined): boolean {
  return flag ?? config.targets?.[target]?.prune ?? config.prune ?? true;
}
