// Carries out fault decisions on the raw Node request, around the Hono listener: a dropped connection has to
// destroy the socket, and "drop after commit" has to let the handler finish and then swallow its answer.
// Test controls under /__emulator are never faulted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decideFault, type FaultOptions } from './faults.js';
import { seededRandom, type Random } from './random.js';
import { takeToken, type Bucket } from './rate-limit.js';

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A family-shaped error body for injected 429/5xx answers. */
export interface FaultResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface FaultLayerDeps {
  readonly now: () => Date;
  readonly sleep: Sleep;
  readonly seed: number;
  readonly respond: (status: 429 | 500 | 503, retryAfterSeconds: number | undefined, path: string) => FaultResponse;
}

export const ADMIN_PREFIX = '/__emulator';

export class FaultLayer {
  private options: FaultOptions | undefined;
  private random: Random;
  private bucket: Bucket | undefined;

  constructor(
    private readonly deps: FaultLayerDeps,
    options?: FaultOptions,
  ) {
    this.options = options;
    this.random = seededRandom(options?.seed ?? deps.seed);
  }

  get current(): FaultOptions | undefined {
    return this.options;
  }

  /** Replaces the fault options and restarts the dice from their seed. */
  set(options: FaultOptions | undefined): void {
    this.options = options && Object.keys(options).length > 0 ? options : undefined;
    this.random = seededRandom(options?.seed ?? this.deps.seed);
    this.bucket = undefined;
  }

  wrap(listener: Listener): Listener {
    return (req, res) => this.handle(req, res, listener);
  }

  private async handle(req: IncomingMessage, res: ServerResponse, listener: Listener): Promise<void> {
    const options = this.options;
    const url = req.url ?? '/';
    if (!options || url.startsWith(ADMIN_PREFIX)) {
      await listener(req, res);
      return;
    }
    let limitedFor: number | undefined;
    if (options.rateLimit) {
      const taken = takeToken(this.bucket, this.deps.now().getTime(), options.rateLimit);
      this.bucket = taken.bucket;
      if (!taken.allowed) limitedFor = taken.retryAfterSeconds;
    }
    const decision = decideFault(options, () => this.random.next(), limitedFor);
    if (decision.latencyMs > 0) await this.deps.sleep(decision.latencyMs);
    const outcome = decision.outcome;
    switch (outcome.kind) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'status': {
        const answer = this.deps.respond(outcome.status, outcome.retryAfterSeconds, url.split('?')[0] ?? url);
        res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
        return;
      }
      case 'drop-after-commit':
        swallowResponse(req, res);
        break;
      case 'slow-body':
        trickleResponse(res, outcome.chunkDelayMs, this.deps.sleep);
        break;
      case 'pass':
        break;
    }
    await listener(req, res);
  }
}

// The handler has committed by the time it writes headers; destroying the socket there is exactly
// "the server did it but the client never heard back", the case that makes clients create twice.
function swallowResponse(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  const patched = res as unknown as Record<string, unknown>;
  patched.writeHead = () => {
    socket.destroy();
    return res;
  };
  patched.flushHeaders = () => undefined;
  patched.write = () => true;
  patched.end = () => {
    socket.destroy();
    return res;
  };
}

// Buffers the body and sends it in four pieces with pauses, to exercise client read timeouts.
function trickleResponse(res: ServerResponse, delayMs: number, sleep: Sleep): void {
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  const end = res.end.bind(res) as () => ServerResponse;
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown): void => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const patched = res as unknown as Record<string, unknown>;
  patched.write = (chunk: unknown) => {
    collect(chunk);
    return true;
  };
  patched.end = (chunk?: unknown) => {
    collect(chunk);
    void (async () => {
      const body = Buffer.concat(chunks);
      const size = Math.max(1, Math.ceil(body.length / 4));
      for (let i = 0; i < body.length; i += size) {
        if (res.destroyed) return;
        write(body.subarray(i, i + size));
        await sleep(delayMs);
      }
      end();
    })();
    return res;
  };
}
