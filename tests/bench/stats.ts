/** Percentiles in milliseconds, rounded to microseconds. */
export function summarize(samplesNs: bigint[]) {
  const ms = samplesNs.map((n) => Number(n) / 1e6).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: ms.length, p50_ms: r(at(0.5)), p95_ms: r(at(0.95)), p99_ms: r(at(0.99)), max_ms: r(ms[ms.length - 1]) };
}

export async function sample(n: number, warmup: number, fn: () => Promise<unknown>): Promise<bigint[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(process.hrtime.bigint() - t0);
  }
  return out;
}
