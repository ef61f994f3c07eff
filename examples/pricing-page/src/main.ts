// The whole page: one core without a credential, one public call. Nothing else from PUGUH is
// imported, so the bundle holds getPlans, the core transport, ky and valibot, and nothing more.
import { getPlans } from '@puguh/billing';
import { createPuguhCore } from '@puguh/core';
import { renderPlans } from './render-plans';
import { renderLoadError } from './render-status';
import './style.css';

/** The local API's default address (`puguh-local`, and this example's `start` script). */
const LOCAL_API = 'http://127.0.0.1:4010';

async function showPlans(section: HTMLElement): Promise<void> {
  // The loading placeholder is in index.html, so it shows before this module has even loaded.
  try {
    // No apiKey: listing plans is public, and anything in a browser bundle is readable by every
    // visitor. No retries and a short timeout: a visitor is better served by a message at once
    // than by a spinner that lasts through backoff.
    const core = createPuguhCore({
      baseUrl: import.meta.env.VITE_PUGUH_BASE_URL || LOCAL_API,
      maxRetries: 0,
      timeout: 8_000,
    });
    section.innerHTML = renderPlans(await getPlans(core));
    section.dataset.state = 'loaded';
  } catch (error) {
    console.error(error);
    section.innerHTML = renderLoadError(error);
    section.dataset.state = 'error';
  }
}

const section = document.querySelector<HTMLElement>('#plans');
if (section) void showPlans(section);
