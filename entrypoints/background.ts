import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCapillaryApi } from '@/lib/capillary/client';
import { createDesk } from '@/lib/desk/desk';
import { createRouter } from '@/lib/messaging/router';

export default defineBackground(() => {
  const desk = createDesk({ api: (baseUrl) => createCapillaryApi({ baseUrl }), now: Date.now });
  const route = createRouter({ sendOtp: desk.sendOtp, validateOtp: desk.validateOtp }, () => ({
    id: browser.runtime.id,
    baseUrl: browser.runtime.getURL('/'),
  }));
  browser.runtime.onMessage.addListener(route);
});
