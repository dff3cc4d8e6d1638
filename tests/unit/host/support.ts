import fs from 'node:fs';
import path from 'node:path';
import { type RunningHost, startHost } from '../../../electron/host';
import { test as base } from '../support/fixtures';

/** `host`: the web host on the test's core, serving a one-line renderer; closed after the test. */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({ env }, use) => {
    const rendererDir = path.join(env.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    const host = await startHost({ core: env.core, rendererDir });
    await use(host);
    await host.close();
  },
});
