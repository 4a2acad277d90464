import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPostIdentity } from '@/core/post-identity';
import { registerPostIdentityReader } from '@/page/runtime-loader';

// Loaded on demand by the content script (see page/runtime-loader.ts), on pages of sites the library
// holds a page of (#18): a few kilobytes, where the whole runtime is hundreds.
export default defineUnlistedScript(() => {
  registerPostIdentityReader({ readPostIdentity });
});
