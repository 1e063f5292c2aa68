// Secrets come from environment variables only and must never reach a journal, a log line or the terminal.
// Messages are built without them already (the HTTP client never quotes credentials, and redacts headers and
// sensitive query parameters by name); this scrubber, which knows the actual values, is the second line of
// defence: the HTTP client passes everything it reads back from an API through it (a server may echo what it
// was sent), and apply passes every journal line and its report through it.
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  // Short values would scrub ordinary words; credentials are never that short.
  const list = [...new Set(secrets.filter((s) => s.length >= 6).flatMap(writtenForms))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join('[redacted]');
    return out;
  };
}

/**
 * The forms a secret takes in text: as is, inside a JSON string (journal lines are scrubbed after
 * JSON.stringify, which escapes `"` and `\`), and percent-encoded (a redirect's Location, a URL in an error).
 */
function writtenForms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

/** The secret values among credentials (API keys, client keys); identifiers such as a clientId are not secret. */
export function secretsOf(credentials: readonly Readonly<Record<string, string>>[]): string[] {
  return credentials.flatMap((c) =>
    Object.entries(c)
      .filter(([name]) => /key|secret|token|password/i.test(name))
      .map(([, value]) => value),
  );
}
