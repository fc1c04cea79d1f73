import autocannon from 'autocannon';

/** What one scenario measured: completed requests, their latencies (ms) and what went wrong. */
export interface LoadResult {
  ok: number;
  errors: number;
  seconds: number;
  latencies: number[];
  /** Peak resident memory of the server during the scenario, bytes (0 when nothing was watched). */
  rss: number;
}

export interface HttpLoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Request i gets paths[i % n] and bodies[i % n] (when given), so connections rotate through the prepared requests. */
  paths: string[];
  bodies?: (string | Buffer)[];
  /** Request i also gets headerSets[i % n] over `headers` (e.g. the cookies of many signed-in users). */
  headerSets?: Record<string, string>[];
}

/** Drives the server with autocannon for a fixed time; every response's latency is kept for exact percentiles. */
export async function httpLoad(options: HttpLoadOptions): Promise<Omit<LoadResult, 'rss'>> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        requests: [
          {
            method: options.method,
            headers: options.headers,
            setupRequest: (request) => {
              const i = next++;
              return {
                ...request,
                path: options.paths[i % options.paths.length]!,
                ...(options.bodies ? { body: options.bodies[i % options.bodies.length]! } : {}),
                ...(options.headerSets ? { headers: { ...options.headers, ...options.headerSets[i % options.headerSets.length]! } } : {}),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const ok = result['2xx'];
  return { ok, errors: result.non2xx + result.errors + result.timeouts, seconds: result.duration, latencies };
}

/** Runs `work` in `concurrency` loops for a fixed time (the baselines' load generator), timing each call. */
export async function loopLoad(concurrency: number, seconds: number, work: (worker: number) => Promise<void>): Promise<Omit<LoadResult, 'rss'>> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await work(worker);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError) console.error(`  first error of the loop: ${(firstError as Error).message}`);
  return { ok: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies };
}

/** The q-quantile (0..1) of the latencies by nearest rank; 0 when there are none. */
export function percentile(latencies: number[], q: number, sorted = [...latencies].sort((a, b) => a - b)): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
