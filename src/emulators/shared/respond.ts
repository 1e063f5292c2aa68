// Building responses by hand keeps each family in control of status, content type and headers
// (problem+json, X-Pagination-*, Retry-After) without Hono's status-code generics.

export function json(body: unknown, status = 200, headers: Readonly<Record<string, string>> = {}, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': `${contentType}; charset=utf-8`, ...headers } });
}

export function noContent(headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(null, { status: 204, headers });
}
