import type { HandlersOf } from '../handler';
import { auditFacets, listAudit } from './audit.service';
import type { auditContract } from './shared/audit.contract';

export const auditHandlers: HandlersOf<typeof auditContract> = {
  'audit.list': ({ core }, input) => listAudit(core, input),
  'audit.facets': ({ core }) => auditFacets(core),
};
