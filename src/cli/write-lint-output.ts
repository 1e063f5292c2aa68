// The lint findings in every requested format, to stdout or to files: the lint stage only produces
// the report; the shell writes it, with the terminal, the repository root and the version injected.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { renderGithub } from '../render/diagnostics-github.js';
import { renderDiagnosticsJson } from '../render/diagnostics-json.js';
import { renderMarkdown } from '../render/diagnostics-markdown.js';
import { renderSarif } from '../render/diagnostics-sarif.js';
import { summaryLine, writeText } from '../render/diagnostics-text.js';
import type { LintReport } from '../lint/runner.js';
import { sarifRules } from './rule-docs.js';

export interface ReportTarget {
  readonly format: 'stylish' | 'json' | 'sarif' | 'github' | 'markdown';
  readonly output?: string;
}

export interface ReportContext {
  readonly io: { readonly stdout: (text: string) => void; readonly color: boolean; readonly cwd: string };
  readonly toolVersion: string;
  readonly root: string;
  readonly files: number;
  readonly frames: boolean;
  readonly readText: (file: string) => string | undefined;
}

export async function writeReports(report: LintReport, targets: readonly ReportTarget[], ctx: ReportContext): Promise<void> {
  for (const t of targets) {
    if (t.output === undefined && t.format === 'stylish') {
      // In chunks as it is rendered: the stylish report of a large repository is tens of MB as one string.
      writeStylish(report, ctx, ctx.io.color, ctx.io.stdout);
      continue;
    }
    const text = render(report, t, ctx, t.output === undefined && ctx.io.color);
    if (t.output === undefined) {
      ctx.io.stdout(text);
    } else {
      const file = resolve(ctx.io.cwd, t.output);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  }
}

function render(report: LintReport, t: ReportTarget, ctx: ReportContext, color: boolean): string {
  const diags = report.diagnostics;
  switch (t.format) {
    case 'json':
      return renderDiagnosticsJson(diags, { files: ctx.files, suppressed: report.suppressed });
    case 'sarif':
      return renderSarif(diags, { toolVersion: ctx.toolVersion, rules: sarifRules() });
    case 'github':
      return renderGithub(diags);
    case 'markdown':
      return renderMarkdown(diags);
    case 'stylish': {
      const parts: string[] = [];
      writeStylish(report, ctx, color, (chunk) => parts.push(chunk));
      return parts.join('');
    }
  }
}

function writeStylish(report: LintReport, ctx: ReportContext, color: boolean, write: (chunk: string) => void): void {
  const diags = report.diagnostics;
  writeText(diags, { color, readText: ctx.readText, frames: ctx.frames }, write);
  const suppressed = report.suppressed > 0 ? ` (${report.suppressed} suppressed)` : '';
  write(`${summaryLine(diags, ctx.files, color)}${suppressed}\n`);
}
