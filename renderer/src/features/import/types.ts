import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import type { ImportField } from '../../../../electron/core/import/shared/import.contract';

export type Upload = ChannelOutput<'customer.importUpload'>;
export type Values = ChannelOutput<'customer.importValues'>;
export type Validation = ChannelOutput<'customer.importValidate'>;
export type RunResult = ChannelOutput<'customer.importRun'>;
export type Mapping = (ImportField | null)[];
export type ImportMode = 'allOrNothing' | 'validOnly';
