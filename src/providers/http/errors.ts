// Failures talking to a target API. Messages name the provider, the call and the server's own words,
// never a credential.
import { ProviderError } from '../../model/errors.js';

export class HttpStatusError extends ProviderError {
  constructor(
    readonly provider: string,
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
    serverMessage: string | undefined,
    hint?: string,
  ) {
    super(`${provider}: ${method} ${path} answered ${status}${serverMessage ? `: ${serverMessage}` : ''}`, { provider, status, ...(hint ? { hint } : {}) });
  }
}

export class NetworkError extends ProviderError {
  constructor(provider: string, method: string, path: string, reason: string, cause: unknown) {
    super(
      `${provider}: ${method} ${path} failed: ${reason}`,
      { provider, hint: 'Check the target baseUrl and that the API is reachable; promoc retried before giving up.' },
      { cause },
    );
  }
}

export function hintForStatus(status: number): string | undefined {
  if (status === 401) return "The credentials were refused: check the environment variables named in the target's credentials.";
  if (status === 403) return 'The credentials lack a permission (scope or role) this call needs.';
  if (status === 429) return 'The API kept rate-limiting after every retry: lower rateLimitPerSecond for this target.';
  if (status >= 500) return 'The API failed on its side; retry later.';
  return undefined;
}
