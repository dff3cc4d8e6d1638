import { type HandlersOf, poolRead } from '../handler';
import { auditFacets, listAudit } from './audit.service';
import type { auditContract } from './shared/audit.contract';

export const auditHandlers: HandlersOf<typeof auditContract> = {
  'audit.list': poolRead(({ core }, input) => listAudit(core, input)),
  'audit.facets': poolRead(({ core }) => auditFacets(core)),
};
