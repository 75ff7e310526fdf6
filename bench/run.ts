// npm run bench [-- --load=10 --latency=15 --sip=10 --soak=500 --sip-path=adapter --skip=sip,soak --out=bench]
import { join } from 'node:path';
import { DEFAULT_CONFIG, GROUPS, runBench, writeResults } from './bench';
import type { BenchConfig } from './lib/types';

function parseArgs(argv: string[]): { config: BenchConfig; outDir: string } {
  const config: BenchConfig = { ...DEFAULT_CONFIG, skip: [] };
  let outDir = import.meta.dirname;
  const int = (name: string, value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} wants a whole number, got "${value}"`);
    return n;
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    switch (key) {
      case 'load':
        config.loadRepeats = Math.max(1, int(key, value));
        break;
      case 'latency':
        config.latencyRepeats = Math.max(1, int(key, value));
        break;
      case 'sip':
        config.sipCalls = Math.max(1, int(key, value));
        break;
      case 'soak':
        config.soakCalls = Math.max(1, int(key, value));
        break;
      case 'soak-warmup':
        config.soakWarmupCalls = int(key, value);
        break;
      case 'soak-outbound-every':
        config.soakOutboundEvery = int(key, value);
        break;
      case 'soak-answered-every':
        config.soakAnsweredEvery = int(key, value);
        break;
      case 'sip-path':
        if (value !== 'provider' && value !== 'adapter') throw new Error('--sip-path is provider or adapter');
        config.sipPath = value;
        break;
      case 'skip':
        config.skip = value.split(',').filter((g) => (GROUPS as readonly string[]).includes(g));
        break;
      case 'only':
        config.skip = GROUPS.filter((g) => !value.split(',').includes(g));
        break;
      case 'out':
        outDir = value;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return { config, outDir };
}

const { config, outDir } = parseArgs(process.argv.slice(2));
const results = await runBench(config, { log: (line) => console.log(line) });
const table = writeResults(results, join(outDir, 'results.json'), join(outDir, 'results.md'));
console.log(`\n${table}`);
console.log(`Wrote ${join(outDir, 'results.json')} and results.md`);
if (results.skipped.some((s) => s.reason !== 'skipped by configuration')) process.exitCode = 1;
