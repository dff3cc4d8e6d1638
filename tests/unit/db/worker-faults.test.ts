import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storageFaultOf } from '../../../electron/core/faults';
import { makeEnv, type TestEnv } from '../support/test-core';

// Import and review work runs in a job worker thread: a storage fault met there must reach the
// dispatcher with its code, or it is INTERNAL again.
const envs: TestEnv[] = [];
afterEach(() => {
  for (const e of envs.splice(0)) e.close();
});

describe('a storage fault inside the job worker', () => {
  it('crosses to the main thread with the OS code, and is answered as a read-only folder', async () => {
    const env = await makeEnv();
    envs.push(env);
    const bytesFile = path.join(env.dir, 'in.csv');
    fs.writeFileSync(bytesFile, '客户名称,手机\r\n甲公司,13812345678\r\n');
    // sysfs takes no new files, not even from root: a real EACCES / EROFS / EPERM from the OS
    const tableFile = `/sys/kehu-worker-fault-${process.pid}.table`;
    const input = { bytesFile, ext: 'csv', tableFile } as const;

    // makeEnv's core runs jobs in worker threads, as the app does
    const err = await env.core.jobs.run('import.inspect', input, { userId: 1, id: 'u1' }).then(
      () => null,
      (e: unknown) => e,
    );

    expect(err).toMatchObject({ code: expect.stringMatching(/^(EACCES|EROFS|EPERM)$/) });
    expect(storageFaultOf(env.core, err)?.toApiError()).toEqual({
      code: 'DATA_READONLY',
      messageKey: 'errors.dataReadonly',
      params: { folder: env.dir, file: env.core.sqlite.name },
    });
  });
});
