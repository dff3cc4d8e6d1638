export { call, isPublicChannel } from './client';
export { ApiCallError, isSessionError } from './errors';
export { connectEvents } from './events';
