// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message` become annotations on the pull
// request's diff. Escaping follows @actions/core (toCommandValue / escapeProperty). A pure view.
import type { Diagnostic, Severity } from '../model/diagnostic.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warn: 'warning', info: 'notice' };

export function renderGithub(diags: readonly Diagnostic[]): string {
  return diags
    .map((d) => {
      const props: string[] = [];
      if (d.file) props.push(`file=${escapeProperty(d.file)}`);
      if (d.file && d.range) {
        props.push(`line=${d.range.start.line}`, `col=${d.range.start.col}`, `endLine=${d.range.end.line}`, `endColumn=${d.range.end.col}`);
      }
      props.push(`title=${escapeProperty(d.ruleId)}`);
      const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(text)}\n`;
    })
    .join('');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
