export * from './audit';
export * from './auth';
export * from './customerStatus';
export * from './customers';
export * from './lookups';
export * from './review';
export * from './settings';
