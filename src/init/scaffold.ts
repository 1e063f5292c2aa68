// `promoc init`: the files of a new campaigns repository, as data. Pure: the template texts come in, the
// files to write go out; reading templates/, asking and writing live in the CLI shell (src/cli/run/init.ts).
import { PROVIDER_IDS, providerFor } from '../providers/index.js';
import type { ProviderId } from '../providers/provider.js';

export interface ScaffoldFile {
  /** Path inside the new repository, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** Template files under templates/init/ that every repository gets (besides one campaign file per provider). */
export const TEMPLATE_FILES = ['README.md', 'gitignore', 'workflows/promoc-pr.yml', 'workflows/promoc-apply.yml'] as const;

/** Template text by path under templates/init/ (TEMPLATE_FILES, campaigns/<provider>.yaml and .test.yaml). */
export type Templates = Readonly<Record<string, string>>;

/** Where the installed package sits, seen from the repository root (schemas for editors and modelines). */
export const INSTALLED = 'node_modules/promoc';

/** Environment variables each provider's credentials are read from (the scaffolded workflows pass them). */
export const CREDENTIAL_ENV: Readonly<Record<ProviderId, Readonly<Record<string, string>>>> = {
  'ev-billing': { apiKeyEnv: 'PROMOC_EV_BILLING_API_KEY' },
  mobility: { clientIdEnv: 'PROMOC_MOBILITY_CLIENT_ID', clientKeyEnv: 'PROMOC_MOBILITY_CLIENT_KEY' },
  promotions: { apiKeyEnv: 'PROMOC_PROMOTIONS_API_KEY' },
  lago: { apiKeyEnv: 'PROMOC_LAGO_API_KEY' },
};

const BASE_URL: Readonly<Record<ProviderId, string>> = {
  'ev-billing': 'https://billing.example.com/api',
  mobility: 'https://mobility.example.com/api',
  promotions: 'https://promotions.example.com/api',
  lago: 'https://api.getlago.com/api/v1',
};

/** `ev-billing,lago` or `all` → the providers, in the canonical order; an unknown name is an error message. */
export function parseProviders(text: string): { providers: ProviderId[] } | { error: string } {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.includes('all')) return { providers: [...PROVIDER_IDS] };
  const unknown = names.filter((n) => !(PROVIDER_IDS as readonly string[]).includes(n));
  if (unknown.length > 0) return { error: `unknown provider${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}` };
  if (names.length === 0) return { error: 'no provider named' };
  return { providers: PROVIDER_IDS.filter((p) => names.includes(p)) };
}

/** promoc.config.yaml: the campaign globs, and one commented-out target per provider naming its credentials. */
export function configText(providers: readonly ProviderId[]): string {
  const targets = providers.flatMap((p) => [
    `#   ${p}:`,
    `#     provider: ${p}`,
    `#     baseUrl: ${BASE_URL[p]}`,
    // A provider whose base URL is derived from the organisation (mobility's tenant path) needs one.
    ...(providerFor(p).baseUrl ? ['#     organization: your-tenant'] : []),
    `#     credentials: { ${Object.entries(CREDENTIAL_ENV[p])
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')} }`,
    `#     selector: { target: ${p} }     # plans the campaigns labelled target: ${p}`,
  ]);
  return [
    `# yaml-language-server: $schema=./${INSTALLED}/schemas/config.schema.json`,
    '# promoc configuration: where the campaigns are, and the APIs `promoc plan` and `apply` talk to.',
    'apiVersion: promoc/v1',
    'kind: Config',
    'campaigns:',
    '  - campaigns/**/*.yaml',
    '',
    '# Without targets, `promoc plan` and `apply` use `local`: the API emulators, run in-process with their',
    '# state in .promoc/local/. Uncomment a target per API you use, then `promoc plan --target <name>`.',
    '# Credentials come from the environment variables named here (CI secrets), never from this file.',
    '# targets:',
    ...targets,
    '',
  ].join('\n');
}

/** .vscode/settings.json: every campaign document gets the installed schema for its kind, offline. */
export function vscodeSettingsText(): string {
  const settings = {
    'yaml.schemas': {
      [`./${INSTALLED}/schemas/campaign.schema.json`]: ['campaigns/**/*.yaml', 'campaigns/**/*.yml', '!campaigns/**/*.test.yaml', '!campaigns/**/*.test.yml'],
      [`./${INSTALLED}/schemas/config.schema.json`]: ['promoc.config.yaml', 'promoc.config.yml'],
    },
    'yaml.schemaStore.enable': false,
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

export function vscodeExtensionsText(): string {
  return `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;
}

/** Every file of a new repository for these providers, sorted by path. */
export function scaffold(providers: readonly ProviderId[], templates: Templates): ScaffoldFile[] {
  const template = (name: string): string => {
    const text = templates[name];
    if (text === undefined) throw new Error(`templates/init/${name} is missing from the package`);
    return text;
  };
  const files: ScaffoldFile[] = [
    { path: 'promoc.config.yaml', text: configText(providers) },
    ...providers.flatMap((p) => [
      { path: `campaigns/${p}/examples.yaml`, text: template(`campaigns/${p}.yaml`) },
      { path: `campaigns/${p}/examples.test.yaml`, text: template(`campaigns/${p}.test.yaml`) },
    ]),
    { path: '.github/workflows/promoc-pr.yml', text: template('workflows/promoc-pr.yml') },
    { path: '.github/workflows/promoc-apply.yml', text: template('workflows/promoc-apply.yml') },
    { path: '.vscode/settings.json', text: vscodeSettingsText() },
    { path: '.vscode/extensions.json', text: vscodeExtensionsText() },
    // npm leaves files named .gitignore out of packages: the template is stored without the dot.
    { path: '.gitignore', text: template('gitignore') },
    { path: 'README.md', text: template('README.md') },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What to run next, shown after the list of files. */
export const NEXT_COMMANDS = ['npx promoc validate', 'npx promoc lint', 'npx promoc plan'] as const;
