// Rule documentation for SARIF viewers (GitHub code scanning shows `help` beside each alert): the
// docs/rules/<id>.md page shipped with promoc, its "What it checks" section as the full description and
// "How to fix" as the plain-text help, and a helpUri only when package.json names where the repository's
// docs are (homepage or repository): a link that does not resolve is worse than none.
import { readFileSync } from 'node:fs';
import { rules } from '../lint/registry.js';
import { RUNNER_CHECKS } from '../lint/runner.js';
import type { SarifRule } from '../render/diagnostics-sarif.js';

interface PackageJson {
  readonly homepage?: string;
  readonly repository?: string | { readonly url?: string; readonly directory?: string };
}

/** Every lint rule and runner check, with its docs. */
export function sarifRules(): SarifRule[] {
  const base = docsBase(readPackage());
  return [...rules, ...RUNNER_CHECKS].map((r) => {
    const page = readDoc(r.id);
    const what = page ? section(page, 'What it checks') : undefined;
    const fix = page ? section(page, 'How to fix') : undefined;
    return {
      id: r.id,
      description: r.description,
      defaultSeverity: r.defaultSeverity,
      fullDescription: what ?? r.description,
      ...(page ? { help: { text: [r.description, fix].filter(Boolean).join(' '), markdown: page } } : {}),
      ...(base ? { helpUri: `${base}${r.id}.md` } : {}),
    };
  });
}

/** Where the rule pages are online, from package.json, or undefined. */
export function docsBase(pkg: PackageJson): string | undefined {
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (raw) {
    const url = raw
      .replace(/^git\+/, '')
      .replace(/\.git$/, '')
      .replace(/^github:/, 'https://github.com/');
    if (/^https:\/\/[\w.-]+\/[\w.-]+\/[\w.-]+$/.test(url)) {
      const dir = typeof pkg.repository === 'object' && pkg.repository.directory ? `${pkg.repository.directory.replace(/^\/|\/$/g, '')}/` : '';
      return `${url}/blob/HEAD/${dir}docs/rules/`;
    }
  }
  return undefined;
}

/** The "## title" section of a page as one paragraph of plain text. */
function section(page: string, title: string): string | undefined {
  const m = new RegExp(`^## ${title}\\n+([\\s\\S]*?)(?=\\n## |$)`, 'm').exec(page);
  const text = m?.[1]
    ?.split(/\n\n/)[0]
    ?.replace(/\s*\n\s*/g, ' ')
    .trim();
  return text || undefined;
}

function readDoc(id: string): string | undefined {
  try {
    return readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

function readPackage(): PackageJson {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;
}
