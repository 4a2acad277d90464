/**
 * A CouchDB-protocol server for sync tests (#16, docs/sync.md): `pouchdb-server` from npm, in
 * memory, on 127.0.0.1 and a free port, in its own process started by the test. `stop()` ends the
 * process and removes its working folder (pouchdb-server writes its config and log there); a test
 * run that ends without calling it still kills the process on exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PouchServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** Its process id (to check that it is gone after `stop`). */
  pid: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/** A port nobody listens on right now (the server may lose a race for it: start retries). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Waits until the child says it listens (its `has started on` line, printed once its own listen
 * succeeded) and `GET /` answers. An answer alone is not enough: another process (another test
 * run's pouchdb-server) may have taken the port between `freePort` and the child's listen, and would
 * answer while the child is still on its way to "Port … is already in use".
 */
async function waitUntilUp(
  origin: string,
  child: ChildProcess,
  output: () => string,
  listening: () => boolean,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`pouchdb-server exited (${child.exitCode ?? child.signalCode}): ${output()}`);
    if (!listening()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pouchdb-server did not answer on ${origin} within ${START_TIMEOUT_MS} ms: ${output()}`);
}

export interface PouchServerOptions {
  /**
   * Keep the databases on disk in this folder (the caller's to remove), so a server stopped and
   * started again on it (and on the same `port`) still holds them. Without it: in memory.
   */
  folder?: string;
  port?: number;
}

/** Starts a pouchdb-server (empty and in memory by default); resolves once it answers `GET /`. */
export async function startPouchServer(options: PouchServerOptions = {}): Promise<PouchServer> {
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const folder = options.folder ?? (await mkdtemp(join(tmpdir(), 'talk-notes-pouchdb-')));
    const port = options.port ?? (await freePort());
    const origin = `http://127.0.0.1:${port}`;
    const storage = options.folder ? ['--dir', folder] : ['--in-memory'];
    const child = spawn(
      process.execPath,
      [bin, ...storage, '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'],
      { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let listening = false;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-2000);
      listening ||= output.includes(`has started on ${origin}/`);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const stop = async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited(child);
        clearTimeout(timer);
      }
      if (!options.folder) await rm(folder, { recursive: true, force: true });
    };
    try {
      await waitUntilUp(
        origin,
        child,
        () => output,
        () => listening,
      );
      return { origin, pid: child.pid!, stop };
    } catch (error) {
      lastError = error;
      await stop();
    }
  }
  throw lastError;
}
