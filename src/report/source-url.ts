// Where the pull request's files are on GitHub, from what Actions provides: GITHUB_SERVER_URL,
// GITHUB_REPOSITORY and the head commit. On pull_request events GITHUB_SHA is the test merge commit,
// whose lines differ from the author's, so the head SHA comes from the event payload
// (pull_request.head.sha); other events use GITHUB_SHA. Pure: the shell passes the payload's text.

/** `https://github.com/owner/repo/blob/<sha>/`, or undefined outside GitHub Actions. */
export function sourceUrlFromEnv(env: Readonly<Record<string, string | undefined>>, eventText: string | undefined): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repo = env.GITHUB_REPOSITORY;
  if (!server || !repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return undefined;
  const sha = headSha(eventText) ?? env.GITHUB_SHA;
  if (!sha || !/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  return `${server.replace(/\/+$/, '')}/${repo}/blob/${sha}/`;
}

function headSha(eventText: string | undefined): string | undefined {
  if (!eventText) return undefined;
  try {
    const event = JSON.parse(eventText) as { pull_request?: { head?: { sha?: unknown } } };
    const sha = event.pull_request?.head?.sha;
    return typeof sha === 'string' ? sha : undefined;
  } catch {
    return undefined;
  }
}
