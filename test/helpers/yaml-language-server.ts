// The real yaml-language-server (the engine of the VS Code YAML extension), started from node_modules and
// driven over stdio with JSON-RPC, as an editor would: initialize, settings, open a document, then hover,
// completion and the diagnostics it publishes. No network: the schema store is off and schemas are files.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Position {
  line: number;
  character: number;
}
export interface Diagnostic {
  range: { start: Position; end: Position };
  message: string;
  severity?: number;
  source?: string;
}
export interface CompletionItem {
  label: string;
  documentation?: unknown;
  insertText?: string;
}

const SERVER = join(createRequire(import.meta.url).resolve('yaml-language-server/package.json'), '../bin/yaml-language-server');

export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly diagnostics = new Map<string, { version: number; items: Diagnostic[] }>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  stderr = '';

  private constructor(private readonly settings: Record<string, unknown>) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: { PATH: process.env.PATH ?? '' } });
    this.child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  /** Starts a server for a workspace folder with `yaml.*` settings (schemas, validate, hover, completion). */
  static async start(root: string, yaml: Record<string, unknown>): Promise<YamlLanguageServer> {
    const settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, ...yaml } };
    const server = new YamlLanguageServer(settings);
    const rootUri = pathToFileURL(root).href;
    await server.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          publishDiagnostics: {},
        },
      },
    });
    server.notify('initialized', {});
    server.notify('workspace/didChangeConfiguration', { settings });
    return server;
  }

  /** Opens (or replaces) a document and waits for the diagnostics published for that version. */
  async open(file: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    if (version === 1) this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    else this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    for (;;) {
      const got = this.diagnostics.get(uri);
      if (got && got.version === version) return got.items;
      await new Promise<void>((done) => this.waiters.push(done));
    }
  }

  async hover(file: string, at: Position): Promise<string | undefined> {
    const r = (await this.request('textDocument/hover', { textDocument: { uri: pathToFileURL(file).href }, position: at })) as { contents?: unknown } | null;
    const c = r?.contents;
    if (c === undefined) return undefined;
    const text = (v: unknown): string =>
      typeof v === 'string' ? v : Array.isArray(v) ? v.map(text).join('\n') : String((v as { value?: unknown }).value ?? '');
    return text(c);
  }

  async completion(file: string, at: Position): Promise<CompletionItem[]> {
    const r = (await this.request('textDocument/completion', { textDocument: { uri: pathToFileURL(file).href }, position: at })) as
      { items?: CompletionItem[] } | CompletionItem[] | null;
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => this.child.kill(), 2000);
    await exited;
    clearTimeout(timer);
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (m.method === undefined && m.id !== undefined) {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
    } else if (m.method === 'textDocument/publishDiagnostics') {
      const { uri, version, diagnostics } = m.params as { uri: string; version?: number; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, { version: version ?? this.versions.get(uri) ?? 0, items: diagnostics });
      for (const w of this.waiters.splice(0)) w();
    } else if (m.id !== undefined) {
      // Requests from the server: its settings by section; anything else gets an empty answer.
      const result =
        m.method === 'workspace/configuration'
          ? (m.params as { items: { section?: string }[] }).items.map((i) =>
              i.section
                ? (i.section.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], this.settings) ?? null)
                : this.settings,
            )
          : null;
      this.send({ jsonrpc: '2.0', id: m.id, result });
    }
  }
}
