import { requireActor } from '../actor';
import type { Channel } from '../shared/contract';
import type { Handler } from '../handler';
import type { customerImportContract } from './shared/import.contract';
import * as svc from './import.service';

export const customerImportHandlers: { [C in keyof typeof customerImportContract & Channel]: Handler<C> } = {
  'customer.importTemplate': ({ core, actor }) => svc.importTemplate(core, requireActor(actor)),
  'customer.importUploadPart': ({ core, actor }, input) => svc.importUploadPart(core, requireActor(actor), input),
  'customer.importUpload': ({ core, actor }, input) => svc.importUpload(core, requireActor(actor), input),
  'customer.importValues': ({ core, actor }, input) => svc.importValues(core, requireActor(actor), input),
  'customer.importValidate': ({ core, actor }, input) => svc.importValidate(core, requireActor(actor), input),
  'customer.importIssues': ({ core, actor }, input) => svc.importIssues(core, requireActor(actor), input),
  'customer.importRun': ({ core, actor }, input) => svc.importRun(core, requireActor(actor), input),
  'customer.importErrorsFile': ({ core, actor }, input) => svc.importErrorsFile(core, requireActor(actor), input),
  'customer.export': ({ core, actor }, input) => svc.exportCustomersFile(core, requireActor(actor), input),
  'customer.downloadFile': ({ core, actor }, input) => svc.downloadFile(core, requireActor(actor), input),
};
