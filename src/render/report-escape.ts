// Escaping for everything an author or a recorded session can influence (names, codes, messages,
// reasons, labels) before it reaches a PR comment or an HTML page. Markdown: control characters made
// visible, HTML metacharacters as entities, Markdown punctuation backslash-escaped, line breaks
// flattened, and @mentions broken with a zero-width space (as Renovate does) so a comment never pings
// anyone. HTML: the five metacharacters as entities, for text and attribute values alike.
import { sanitizeForTerminal } from './sanitize.js';

const MD_PUNCTUATION = /[\\`*_{}[\]()#|~$]/g;
/** List markers and setext/thematic lines matter only where the text starts. */
const MD_LEADING = /^([-+=>]|\d+[.)])/;

/** Inline Markdown text (a table cell, a heading, a list item): renders as the literal text. */
export function mdText(s: string): string {
  return sanitizeForTerminal(s)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(MD_PUNCTUATION, (ch) => `\\${ch}`)
    .replace(MD_LEADING, (m) => (m.length > 1 ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`))
    .replace(/@/g, '@&#8203;');
}

/** Text for inside a fenced code block: no line may close the fence, and controls are made visible. */
export function codeText(s: string): string {
  return sanitizeForTerminal(s).replace(/`{3,}|~{3,}/g, (m) => m.split('').join('\u200b'));
}

/** Text or attribute value in HTML. */
export function htmlText(s: string): string {
  return sanitizeForTerminal(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
