import { PuguhClient } from '@puguh/sdk';

const client = new PuguhClient();

// Awaiting gives the first page: a real array, plus where the list goes on.
const firstPage = await client.organizations.list({ limit: 50 });
for (const org of firstPage) console.log(org.slug);
console.log(firstPage.hasMore, firstPage.nextCursor);

// Iterating gives every item of every page, fetching the next page only when needed.
for await (const org of client.organizations.list()) console.log(org.name);
