import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '..');

/** A port nobody listens on now: asked of the kernel, then released for the server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword: string;
  /** Folder for `--cpu-prof` profiles; no profiling when absent. */
  profileDir?: string;
  /** Another copy of the repository to run the server from (a change measured before it lands); this one by default. */
  root?: string;
  /** More environment for the server (e.g. a login rate limit a benchmark does not trip over). */
  env?: Record<string, string>;
  /** The script to run instead of the real server (the bare baseline app); it answers /readyz too. */
  entry?: string;
  /** Runs the server as `npm start` does, from the esbuild bundle server/dist/main.mjs (see buildServerBundle), not through tsx. */
  bundle?: boolean;
}

/** Bundles the server as `npm run build` does (esbuild, about a second), so a benchmark runs what production runs. */
export function buildServerBundle(root = repositoryRoot): void {
  execFileSync('npm', ['run', 'build', '--workspace', 'server', '--silent'], { cwd: root, stdio: 'inherit' });
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Samples the server's resident memory every 250 ms until the returned function is called; it gives the peak in bytes. */
  watchMemory(): () => number;
  /** The last few kilobytes the server printed (its warnings and errors at LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

/** The real server as a child process (`node --import tsx server/src/main.ts`), ready when /readyz answers 200. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DEMO: '0',
    ADMIN_PASSWORD: options.adminPassword,
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: options.publicUrl,
    ...options.env,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const script = options.bundle ? ['server/dist/main.mjs'] : ['--import', 'tsx', options.entry ?? 'server/src/main.ts'];
  const child = spawn(process.execPath, [...profile, ...script], { cwd: options.root ?? repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-65536);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ready = false;
  const deadline = Date.now() + 180_000;
  while (!ready) {
    if (child.exitCode !== null) throw new Error(`${options.entry ?? 'the server'} exited with ${child.exitCode} before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within 180 s:\n${output}`);
    }
    try {
      ready = (await fetch(`${url}/readyz`)).status === 200;
    } catch {
      ready = false;
    }
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    watchMemory: () => watchRss(child),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function watchRss(child: ChildProcess): () => number {
  let peak = rssOf(child.pid!);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(child.pid!));
  }, 250);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssOf(child.pid!));
  };
}
