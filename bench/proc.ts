import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Resident set size in MB from the text of /proc/<pid>/status. */
export function rssMbOf(status: string): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!kb) throw new Error('no VmRSS line in /proc/<pid>/status');
  return Number(kb[1]) / 1024;
}

/** User plus system CPU time in clock ticks from the text of /proc/<pid>/stat. */
export function cpuTicksOf(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces; count fields after it.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  return Number(rest[11]) + Number(rest[12]);
}

/** CPU use between two readings as a percentage of one core. */
export function cpuPct(ticksBefore: number, ticksAfter: number, wallMs: number, ticksPerSecond: number): number {
  return ((ticksAfter - ticksBefore) / ticksPerSecond / (wallMs / 1000)) * 100;
}

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * Watches one process from /proc while a window lasts: its CPU share over the window and its
 * highest resident memory (sampled every second and at both ends).
 */
export function watchProcess(pid: number) {
  const read = () => ({ ticks: cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')), rssMb: rssMbOf(readFileSync(`/proc/${pid}/status`, 'utf8')) });
  const first = read();
  const startedAt = performance.now();
  let peakRssMb = first.rssMb;
  const timer = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, read().rssMb);
  }, 1000);
  return {
    stop(): { rssMb: number; cpuPct: number } {
      clearInterval(timer);
      const last = read();
      peakRssMb = Math.max(peakRssMb, last.rssMb);
      return { rssMb: peakRssMb, cpuPct: cpuPct(first.ticks, last.ticks, performance.now() - startedAt, clockTicks()) };
    },
  };
}
