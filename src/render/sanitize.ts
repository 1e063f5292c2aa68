// Author-written text reaches terminals, PR comments and HTML. Control characters and ANSI
// escapes must never pass through raw: they could rewrite the terminal or hide text.

// C0 (except tab), DEL, C1, and bidi/zero-width controls that can reorder or hide text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

const ANY_UNSAFE = new RegExp(UNSAFE.source);

export function sanitizeForTerminal(s: string): string {
  // Almost every string is clean: a test is much cheaper than a replace that finds nothing.
  if (!ANY_UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
