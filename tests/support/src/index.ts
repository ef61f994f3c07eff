export { type LocalApi, type SignedUpUser, startLocalApi } from './local-api';
