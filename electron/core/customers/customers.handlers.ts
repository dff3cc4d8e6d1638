import { requireActor } from '../actor';
import type { Channel } from '../shared/contract';
import { type Handler, poolRead } from '../handler';
import { peekNextCode } from './code';
import type { customersContract } from './shared/customers.contract';
import { readCustomer } from './customers.record';
import { createCustomer, customerHistory, getCustomers, updateCustomer } from './customers.service';
import { findDuplicates } from './duplicates';
import { pinyinReadings } from './search/pinyin';
import { searchCustomers } from './search/search';

export const customersHandlers: { [C in keyof typeof customersContract & Channel]: Handler<C> } = {
  'customer.search': poolRead(({ core }, input) => searchCustomers(core, input)),
  'customer.get': poolRead(({ core }, input) => readCustomer(core, input.id)),
  'customer.getMany': poolRead(({ core }, input) => getCustomers(core, input.ids)),
  'customer.create': ({ core, actor }, input) => createCustomer(core, requireActor(actor), input),
  'customer.update': ({ core, actor }, input) => updateCustomer(core, requireActor(actor), input),
  'customer.checkDuplicates': poolRead(({ core }, input) => ({ matches: findDuplicates(core, input) })),
  'customer.nextCode': ({ core }) => ({ code: peekNextCode(core) }),
  'customer.pinyin': (_ctx, input) => {
    const r = pinyinReadings(input.name, input.nature);
    return { mnemonic: r.mnemonic, readings: r.initials.map((s) => s.toUpperCase()) };
  },
  'customer.history': poolRead(({ core }, input) => customerHistory(core, input.id, input.page, input.pageSize)),
};
