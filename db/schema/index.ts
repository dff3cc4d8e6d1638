export * from './audit';
export * from './users';
export * from './status';
export * from './customers';
export * from './lookups';
export * from './review';
export * from './settings';
export * from './backup';
