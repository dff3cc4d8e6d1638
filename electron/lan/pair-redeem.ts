import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Core } from '../core/core';
import { DomainError } from '../core/errors';
import { storageFaultOf } from '../core/faults';
import { redeemPairing } from '../core/network/pairing';
import type { ApiError, ApiResult } from '../core/shared/contract-kit';
import { refuse } from '../http/refusal';
import { DEVICE_COOKIE, DEVICE_COOKIE_OPTS } from './cookies';

/** What `/pair/redeem` takes: the QR code's token, or the short code as typed. */
const proofSchema = z.union([
  z.object({ token: z.string().min(1).max(200) }).strict(),
  z.object({ code: z.string().min(1).max(40) }).strict(),
]);

type Redeemed = { kind: 'browser' } | { kind: 'desktop'; deviceSecret: string; spkiSha256: string };

const statusOf = (e: ApiError) =>
  e.code === 'FORBIDDEN' ? 403 : e.code === 'INTERNAL' ? 500 : e.code === 'DATA_BUSY' ? 503 : 400;

/**
 * `POST /pair/redeem`: pairs the device that holds a valid pairing (pairing.ts). A browser gets
 * the device cookie (its secret never reaches the page's script); another PC's app gets the
 * secret to send as X-Device-Secret, and the server key's hash to pin.
 */
export function redeemRoute(core: Core, spkiSha256: () => string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = proofSchema.safeParse(req.body);
    if (!parsed.success)
      return refuse(reply, 400, { code: 'INVALID_INPUT', messageKey: 'network.errors.pairingInvalid' });
    await core.writes.wait();
    let paired: ReturnType<typeof redeemPairing>;
    try {
      const ua = req.headers['user-agent'];
      paired = redeemPairing(core, parsed.data, { address: req.ip, userAgent: typeof ua === 'string' ? ua : null });
    } catch (err) {
      if (!(err instanceof DomainError)) console.error('[lan] pairing failed:', err);
      const e = err instanceof DomainError ? err : (storageFaultOf(core, err) ?? null);
      const error: ApiError = e?.toApiError() ?? { code: 'INTERNAL', messageKey: 'errors.internal' };
      return refuse(reply, statusOf(error), error);
    }
    let data: Redeemed;
    if (paired.kind === 'browser') {
      reply.setCookie(DEVICE_COOKIE, paired.secret, DEVICE_COOKIE_OPTS);
      data = { kind: 'browser' };
    } else {
      data = { kind: 'desktop', deviceSecret: paired.secret, spkiSha256: spkiSha256() };
    }
    const body: ApiResult<Redeemed> = { ok: true, data };
    return reply.header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(body);
  };
}
