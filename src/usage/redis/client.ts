// The one file that knows node-redis. The store talks to a RedisConnection (send a command, get the
// decoded reply), so it can be tested against anything that speaks it and a cluster or sentinel
// client can be adapted in a few lines.
import { createClient, ErrorReply } from '@redis/client';
import { UsageStoreError } from '../errors.js';

export interface RedisConnection {
  /** One command; resolves with the decoded reply, rejects with a UsageStoreError. */
  send(args: readonly string[]): Promise<unknown>;
}

export interface ConnectOptions {
  /** redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  readonly url: string;
  /** Default 2000. */
  readonly connectTimeoutMs?: number;
  /** Per command; default 2000. A reserve that times out may still have taken a hold: its TTL returns it. */
  readonly commandTimeoutMs?: number;
  /** Connection errors between commands (the client reconnects by itself); default: ignored. */
  readonly onError?: (error: Error) => void;
}

export interface ClosableConnection extends RedisConnection {
  close(): Promise<void>;
}

export async function connectRedis(options: ConnectOptions): Promise<ClosableConnection> {
  let connected = false;
  const client = createClient({
    url: options.url,
    // A pricing call should fail fast while Redis is away, not queue behind a reconnect.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 2000,
      // Reconnect with backoff once connected; but the first connect() would otherwise retry forever.
      reconnectStrategy: (retries: number, cause: Error) => (connected ? Math.min(50 * 2 ** retries, 2000) : cause),
    },
    commandOptions: { timeout: options.commandTimeoutMs ?? 2000 },
  });
  // node-redis emits 'error' on every failed reconnect; without a listener Node would crash.
  client.on('error', (error: Error) => options.onError?.(error));
  try {
    await client.connect();
    connected = true;
  } catch (cause) {
    client.destroy();
    throw new UsageStoreError(
      'unavailable',
      `cannot connect to Redis at ${redact(options.url)}: ${(cause as Error).message}`,
      'check the URL and that redis-server is running',
      { cause },
    );
  }
  return {
    send: (args) =>
      client.sendCommand<unknown>([...args]).catch((cause: unknown) => {
        throw translate(cause, args);
      }),
    close: () => client.close(),
  };
}

function translate(cause: unknown, args: readonly string[]): UsageStoreError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof ErrorReply) return new UsageStoreError('reply', `Redis refused ${args[0]}: ${message}`, undefined, { cause });
  return new UsageStoreError(
    'unavailable',
    `Redis did not answer ${args[0]}: ${message}`,
    'the client reconnects by itself; retry, or treat the limit as reached',
    { cause },
  );
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
