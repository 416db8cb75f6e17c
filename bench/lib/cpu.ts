// CPU time used by a server's whole process group (Linux /proc), so that a benchmark can report CPU
// milliseconds per request: a figure that, unlike requests/s, hardly depends on what else the machine is
// doing. One Node.js process uses one core for JavaScript, so 1000 / (CPU ms per request) is the rate a
// single instance sustains when it has one core to itself.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ (getconf CLK_TCK) on Linux

/** User + system CPU milliseconds of every process in the process group `pgid`. */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may contain spaces) start at ") ".
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(f[2]) !== pgid) continue; // f[2] = pgrp
    ticks += Number(f[11]) + Number(f[12]); // utime, stime
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
