// Debug lines (`promoc --debug`, or PROMOC_DEBUG=1): what promoc looked at and did, for someone chasing a
// problem. The log is passed down like the clock and fetch, never reached through a global, so a library
// caller or a test decides where lines go (the CLI: stderr) and code that is given none pays nothing.

/** What a line is about, printed first so a reader can grep one concern (`debug http:`). */
export type DebugTopic = 'config' | 'cache' | 'target' | 'http' | 'auth' | 'lock';

export interface DebugLog {
  /** False when nobody listens: callers skip building messages that cost something. */
  readonly enabled: boolean;
  /**
   * One line. The log does not know the credentials, so the message must already be safe: header values and
   * sensitive query parameters redacted by name, and text that came from a server scrubbed of the secrets
   * (the HTTP client does both, see providers/http/redact.ts).
   */
  write(topic: DebugTopic, message: string): void;
}

export const NO_DEBUG: DebugLog = { enabled: false, write: () => undefined };
