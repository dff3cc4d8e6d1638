import { z } from 'zod';
import { channel } from '../contract-kit';

export const systemContract = {
  /** A trivial round trip (benchmarks, connectivity). */
  'system.ping': channel({
    access: 'session',
    input: z.object({ echo: z.string().max(100).optional() }).strict(),
    output: z.object({ echo: z.string().nullable(), at: z.string() }),
  }),
};
