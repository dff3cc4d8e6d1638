import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers the CPU priority of the calling thread (a read pool or job thread) below the main
 * thread's, so that on a busy machine the main thread — sessions, pings, the window's calls —
 * gets a core as soon as it wants one, and the long reads take what is left. Linux keeps a
 * priority per thread and names the thread's id in /proc/thread-self; elsewhere Node cannot
 * name a thread to the OS, and this does nothing. Never throws.
 */
export function yieldCpuToMain(): boolean {
  try {
    if (process.platform !== 'linux') return false;
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid === process.pid) return false;
    os.setPriority(tid, os.constants.priority.PRIORITY_BELOW_NORMAL);
    return true;
  } catch {
    return false;
  }
}
