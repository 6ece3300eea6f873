/**
 * Run a command and measure it: wall-clock seconds and the peak resident memory of its whole
 * process tree (sampled from /proc, summing every descendant, every 200 ms). Progress lines from
 * the child go to our stderr, so long builds show that they are alive.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface RunResult {
  seconds: number;
  peakRssMB: number | null;
  /** User + system CPU seconds of the command and its waited-for children (GNU time), null without /usr/bin/time. */
  cpuSeconds: number | null;
  code: number;
  /** The last lines of output, for error messages. */
  tail: string;
}

const PAGE = 4096;

/** Sum of RSS (bytes) of `root` and all its descendants, from /proc; null where /proc is missing. */
export function treeRss(root: number): number | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  for (const p of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      /* process ended meanwhile */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      /* ended */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Prefix for the progress lines echoed to stderr. */
  label: string;
  /** Echo every output line (default: only lines that look like progress). */
  verbose?: boolean;
  /** Write the whole output here (for reading where the time went). */
  logFile?: string;
}

export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // GNU time adds the CPU time of the tree: under background load on a shared machine the wall clock
    // varies a lot, CPU seconds much less, so both are reported.
    const timed = fs.existsSync('/usr/bin/time');
    const child = spawn(timed ? '/usr/bin/time' : cmd, timed ? ['-f', 'BENCH_TIME %U %S', cmd, ...args] : args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    let sampled = false;
    const sample = () => {
      if (child.pid === undefined) return;
      const r = treeRss(child.pid);
      if (r !== null) {
        sampled = true;
        peak = Math.max(peak, r);
      }
    };
    const timer = setInterval(sample, 200);
    const lines: string[] = [];
    const log = opts.logFile ? fs.createWriteStream(opts.logFile) : undefined;
    let lastEcho = 0;
    let cpu: number | null = null;
    // Chunks can end mid-line: keep the unfinished tail of each stream until its newline arrives.
    const rest = { out: '', err: '' };
    const onData = (which: 'out' | 'err') => (buf: Buffer) => {
      const parts = (rest[which] + buf.toString('utf8')).split('\n');
      rest[which] = parts.pop() ?? '';
      for (const line of parts) {
        if (!line.trim()) continue;
        log?.write(`${line}\n`);
        const t = /^BENCH_TIME ([\d.]+) ([\d.]+)$/.exec(line.trim());
        if (t) {
          cpu = Number(t[1]) + Number(t[2]);
          continue;
        }
        lines.push(line);
        if (lines.length > 200) lines.shift();
        const now = performance.now();
        // One line every 5 s is enough to show progress without flooding the terminal.
        if (opts.verbose || now - lastEcho > 5000 || /error|fail|Complete|built in|Indexed/i.test(line)) {
          lastEcho = now;
          process.stderr.write(
            `  [${opts.label} ${((now - t0) / 1000).toFixed(0)}s] ${line.replace(/\x1b\[[0-9;]*m/g, '').slice(0, 160)}\n`,
          );
        }
      }
    };
    child.stdout.on('data', onData('out'));
    child.stderr.on('data', onData('err'));
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      for (const which of ['out', 'err'] as const) if (rest[which]) onData(which)(Buffer.from('\n'));
      log?.end();
      resolve({
        seconds: (performance.now() - t0) / 1000,
        peakRssMB: sampled ? Math.round(peak / 1024 / 1024) : null,
        cpuSeconds: cpu,
        code: code ?? 1,
        tail: lines.slice(-30).join('\n'),
      });
    });
  });
}
