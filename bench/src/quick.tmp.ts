import { benchHttpOverhead } from './http-overhead';
import { startServer } from './server-handle';
const server = await startServer();
try { await benchHttpOverhead(server); } finally { await server.close(); }
