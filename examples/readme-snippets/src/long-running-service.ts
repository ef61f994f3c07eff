import { PuguhClient } from '@puguh/sdk';

// One client per process, created at start-up and reused by every request: it holds no
// connection of its own, and sharing it lets concurrent calls share one session refresh.
const client = new PuguhClient();

export async function listPlans() {
  return client.billing.getPlans();
}

// On shutdown, close it: calls still in flight are aborted and later ones fail fast.
process.once('SIGTERM', () => {
  void client.close();
});
