// Cleanup: delete what the demo created and close the clients.
import { type Organization, PuguhError } from '@puguh/sdk';
import { check, expectError } from '../checks';
import type { Demo } from '../demo';
import type { Step } from '../tour';

export const CLEANUP_STEPS = ['delete organizations', 'close'] as const;

/** Deletes every organization (whatever ran before) and closes the service client. */
export async function cleanupSteps(
  step: Step<(typeof CLEANUP_STEPS)[number]>,
  { service }: Demo,
): Promise<void> {
  await step('delete organizations', async (say) => {
    // The service key acts for the service across all organizations, so it sees (and may delete)
    // every one the demo created, even after a failed step.
    // Collected first: deleting while paging would move the pages under the cursor.
    const orgs: Organization[] = [];
    for await (const org of service.organizations.list()) orgs.push(org);
    for (const org of orgs) await service.organizations.delete({ orgId: org.id });
    const left = await service.organizations.list();
    check(left.length === 0, `${left.length} organizations are left`);
    say(`deleted ${orgs.map((org) => org.name).join(', ') || 'nothing'}; ${left.length} left`);
  });

  await step('close', async (say) => {
    await service.close();
    const error = await expectError(PuguhError, () => service.billing.getPlans(), 'client_closed');
    say(`service client closed; later calls reject with ${error.code}`);
  });
}
