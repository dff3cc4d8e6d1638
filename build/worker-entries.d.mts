/** build/worker-entries.mjs: worker name → source path, relative to the project root. */
export declare const WORKER_ENTRIES: Record<string, string>;
