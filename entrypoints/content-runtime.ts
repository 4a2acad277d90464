import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentApp } from '@/page/content-app';
import { registerContentRuntime } from '@/page/runtime-loader';

// Loaded on demand by the content script (see page/runtime-loader.ts).
export default defineUnlistedScript(() => {
  registerContentRuntime({ ContentApp });
});
