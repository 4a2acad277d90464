import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPageIdentity } from '@/page/post-claim';
import { registerPostIdentityReader } from '@/page/runtime-loader';

// Loaded on demand by the content script (see page/runtime-loader.ts), on pages of sites the library
// holds a page of (#18): a few kilobytes, where the whole runtime is hundreds.
export default defineUnlistedScript(() => {
  registerPostIdentityReader({ readPostIdentity: readPageIdentity });
});
