import { requireActor } from '../actor';
import type { Channel } from '../shared/contract';
import { type Handler, poolRead } from '../handler';
import type { customerStatusContract } from './shared/status.contract';
import { statusHistory } from './status.record';
import { cancelScheduled, changeStatus, previewStatusChange } from './status.service';

export const customerStatusHandlers: { [C in keyof typeof customerStatusContract & Channel]: Handler<C> } = {
  'customer.statusPreview': poolRead(({ core }, input) => previewStatusChange(core, input.ids, input.action)),
  'customer.freeze': ({ core, actor }, input) => changeStatus(core, requireActor(actor), 'freeze', input),
  'customer.unfreeze': ({ core, actor }, input) => changeStatus(core, requireActor(actor), 'unfreeze', input),
  'customer.deactivate': ({ core, actor }, input) => changeStatus(core, requireActor(actor), 'deactivate', input),
  'customer.reactivate': ({ core, actor }, input) => changeStatus(core, requireActor(actor), 'reactivate', input),
  'customer.cancelScheduled': ({ core, actor }, input) =>
    cancelScheduled(core, requireActor(actor), input.id, input.memo ?? null),
  'customer.statusHistory': poolRead(({ core }, input) => statusHistory(core, input.id)),
};
