// Starts the scriptable upstream and `grounded serve` once per test file, and stops both when the file ends.
//
//   const g = useGateway();            // in a test file, at the top level: registers before/beforeEach/after hooks
//   test('...', async () => {
//     await g.upstream.script(steps.fail(500));
//     const completion = await g.client().chat.completions.create({...});
//     const [body] = await g.upstream.requests();
//   });
//
// Both processes are the Release builds of `dotnet build Grounded.slnx -c Release` (override with GROUNDED_CLI_DLL and
// GROUNDED_UPSTREAM_DLL).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { gatewayConfig } from './config.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cliDll = process.env.GROUNDED_CLI_DLL ?? join(repo, 'src/Grounded.Cli/bin/Release/net10.0/grounded.dll');
const upstreamDll = process.env.GROUNDED_UPSTREAM_DLL
  ?? join(repo, 'test/Grounded.Testing.Upstream/bin/Release/net10.0/Grounded.Testing.Upstream.dll');
const startTimeoutMs = 60_000;

const children = new Set();
const killAll = () => children.forEach((child) => child.kill('SIGKILL'));
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * Registers hooks that start an upstream and a gateway before the file's tests, reset the upstream before each test,
 * and stop both after the file. Returns an object whose fields are filled in once `before` has run.
 * @param {{ auth?: string[], guards?: string, storeKeys?: { tenant: string, role: string, rpm?: number }[] }} [options] API keys for the
 *   gateway's `auth.keys`, and keys to create in its store with `grounded keys create` before it starts (their secrets are
 *   in `g.keys`, in order).
 */
export function useGateway(options = {}) {
  const g = {
    /** The gateway's base URL, e.g. http://127.0.0.1:PORT (no /v1). */
    url: '',
    /** An OpenAI client on the gateway: no SDK retries unless asked. */
    client: (overrides = {}) => new OpenAI({ baseURL: `${g.url}/v1`, apiKey: 'sk-test', maxRetries: 0, ...overrides }),
    /** fetch relative to the gateway. */
    fetch: (path, init) => fetch(`${g.url}${path}`, init),
    upstream: null,
    /** The secrets of `options.storeKeys`, in order. */
    keys: [],
  };
  let upstream;
  let gateway;
  let dir;

  before(async () => {
    for (const dll of [cliDll, upstreamDll]) {
      if (!existsSync(dll)) throw new Error(`${dll} is missing: run dotnet build Grounded.slnx -c Release first`);
    }

    dir = await mkdtemp(join(tmpdir(), 'grounded-conformance-'));
    upstream = start('upstream', ['dotnet', upstreamDll, '--name', 'small', '--exit-with-stdin']);
    const upstreamUrl = await upstream.line(/^listening (http\S+)/);
    g.upstream = upstreamControl(upstreamUrl);

    const config = join(dir, 'grounded.yaml');
    await writeFile(config, gatewayConfig(upstreamUrl, options));
    for (const key of options.storeKeys ?? []) {
      const args = ['keys', 'create', '--tenant', key.tenant, '--role', key.role, '--store', join(dir, 'store'), '--json'];
      if (key.rpm) args.push('--rpm', String(key.rpm));
      const created = start('grounded keys create', ['dotnet', cliDll, ...args]);
      g.keys.push(await created.line(/^"key": "(grd_[^"]+)"/));
    }

    const port = await freePort();
    g.url = `http://127.0.0.1:${port}`;
    gateway = start('grounded serve', ['dotnet', cliDll, 'serve', '--config', config, '--urls', g.url, '--store', join(dir, 'store')]);
    await gateway.ready(`${g.url}/healthz`);
  }, { timeout: startTimeoutMs * 2 });

  beforeEach(() => g.upstream.reset());

  after(async () => {
    await Promise.all([gateway?.stop(), upstream?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  return g;
}

/** The upstream's control routes (see test/Grounded.Testing.Upstream/ControlRoutes.cs). */
function upstreamControl(base) {
  const post = async (path, body) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`upstream ${path}: ${response.status} ${await response.text()}`);
  };
  return {
    url: base,
    /** Queues steps: each request takes the next one. */
    script: (...steps) => post('/_script', steps),
    /** The step used once the script is empty. */
    setDefault: (step) => post('/_default', step),
    /** The request bodies the upstream received, oldest first, parsed. */
    requests: async () => (await fetch(`${base}/_requests`)).json(),
    reset: () => post('/_reset'),
  };
}

/** Spawns a process, keeping its output for error messages. */
function start(name, [command, ...args]) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DOTNET_NOLOGO: '1' } });
  children.add(child);
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk).slice(-8000);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => {
    children.delete(child);
    resolveExit({ code, signal });
  }));
  const failure = (what) => new Error(`${name} ${what}; its output:\n${output}`);

  return {
    /** Resolves with the first capture of the first stdout line that matches. */
    line: (pattern) => new Promise((resolveLine, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(failure(`printed no line matching ${pattern} in ${startTimeoutMs} ms`)), startTimeoutMs);
      child.stdout.on('data', (chunk) => {
        buffer += chunk;
        const match = buffer.split('\n').map((l) => l.trim().match(pattern)).find(Boolean);
        if (match) {
          clearTimeout(timer);
          resolveLine(match[1]);
        }
      });
      exited.then(({ code, signal }) => reject(failure(`exited (${code ?? signal})`)));
    }),
    /** Resolves once GET url answers 200. */
    ready: async (url) => {
      const deadline = Date.now() + startTimeoutMs;
      let stopped = false;
      exited.then(() => { stopped = true; });
      while (Date.now() < deadline) {
        if (stopped) throw failure('exited before it was ready');
        try {
          if ((await fetch(url)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw failure(`was not ready at ${url} within ${startTimeoutMs} ms`);
    },
    /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
