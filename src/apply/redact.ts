// Secrets come from environment variables only and must never reach a journal, a log line or the terminal.
// Messages are built without them already (the HTTP client never quotes credentials); this scrubber is the
// second line of defence, applied to everything apply writes.
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  // Short values would scrub ordinary words; credentials are never that short.
  const list = [...new Set(secrets.filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join('[redacted]');
    return out;
  };
}

/** The secret credentials of the bindings (API keys, client keys); identifiers such as a clientId are not secret. */
export function secretsOf(bindings: readonly { readonly connection: { readonly credentials: Readonly<Record<string, string>> } }[]): string[] {
  return bindings.flatMap((b) => Object.entries(b.connection.credentials).filter(([name]) => /key|secret|token|password/i.test(name)).map(([, value]) => value));
}
