import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/entrypoints/background/router';
import type { Outcome } from '@/lib/model/desk/outcome';
import { SEED_REQUEST } from '../../fixtures/capillary';

const SELF = { id: 'mfa-desk-id', baseUrl: 'chrome-extension://mfa-desk-id/' };
const popup = { id: SELF.id, url: `${SELF.baseUrl}popup.html` };
const request = { ...SEED_REQUEST, customerId: '0:0' };
const sent: Outcome = {
  action: 'sendOtp',
  subject: { identifierType: 'MOBILE', maskedIdentifier: '•••••••1754', brand: 'Bukl' },
  finishedAt: 1,
  result: { ok: true },
};

function setup() {
  const sendOtp = vi.fn(async () => sent);
  const validateOtp = vi.fn(async () => sent);
  const call = async () => sent;
  const route = createRouter(
    {
      sendFirstFactorOtp: call,
      verifyFirstFactor: call,
      startMfaSession: call,
      sendOtp,
      validateOtp,
      refreshToken: async () => ({ rejected: 'no-key' as const }),
      endSession: call,
      startOver: async () => ({ done: true as const }),
      installUpdate: async () => ({ installing: true as const }),
      clipboardCopied: async () => ({ clearAt: 60_000 }),
      clearHistory: async () => ({ cleared: true as const }),
      newCustomer: async () => ({ customerId: '1:5' }),
      closeCustomer: async () => ({ closed: true as const }),
    },
    () => SELF,
  );
  browser.runtime.onMessage.addListener(route);
  // The fake browser's trigger passes a third argument on to the listener as sendResponse; its type omits it.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (
    message: unknown,
    sender: object,
    sendResponse: (reply: unknown) => void,
  ) => void;
  const deliver = (message: unknown, sender: object) => new Promise((resolve) => trigger(message, sender, resolve));
  return { sendOtp, validateOtp, deliver };
}

describe('the background router', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands a well-formed message from the popup to its handler and answers with the outcome', async () => {
    const { sendOtp, deliver } = setup();
    expect(await deliver({ type: 'sendOtp', request: { ...request, brand: ' Bukl ' } }, popup)).toEqual(sent);
    expect(sendOtp).toHaveBeenCalledWith({ ...request, brand: 'Bukl' });
  });

  it('refuses a message that names no customer, or one in a shape no customer ID has', async () => {
    const { sendOtp, deliver } = setup();
    const { customerId: _none, ...unnamed } = request;
    expect(await deliver({ type: 'sendOtp', request: unnamed }, popup)).toEqual({ rejected: 'bad-request' });
    expect(await deliver({ type: 'sendOtp', request: { ...request, customerId: '../auth' } }, popup)).toEqual({ rejected: 'bad-request' });
    expect(sendOtp).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, 'other-extension'],
    ['a content script in a web page', { id: SELF.id, url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 }, 'not-extension-page'],
    ['a page that is not ours', { id: SELF.id, url: `${SELF.baseUrl}unknown.html` }, 'not-our-page'],
    ['our page framed inside a tab', { id: SELF.id, url: `${SELF.baseUrl}popup.html`, tab: { id: 3 }, frameId: 7 }, 'framed'],
    ['a sender without a URL', { id: SELF.id }, 'no-page-url'],
  ])('refuses %s without calling a handler', async (_name, sender, reason) => {
    const { sendOtp, deliver } = setup();
    const reply = (await deliver({ type: 'sendOtp', request }, sender)) as { rejected: string };
    expect(reply.rejected).toBe(reason);
    expect(sendOtp).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown message type', { type: 'deleteEverything', request }],
    ['a message without a type', { request }],
    ['a request that breaks its schema', { type: 'validateOtp', request }],
    ['a non-object', 'sendOtp'],
  ])('refuses %s', async (_name, message) => {
    const { sendOtp, validateOtp, deliver } = setup();
    expect(await deliver(message, popup)).toHaveProperty('rejected');
    expect(sendOtp).not.toHaveBeenCalled();
    expect(validateOtp).not.toHaveBeenCalled();
  });

  it('accepts our page opened as a tab (the side panel and tests do that)', async () => {
    const { sendOtp, deliver } = setup();
    await deliver({ type: 'sendOtp', request }, { ...popup, tab: { id: 1 }, frameId: 0 });
    expect(sendOtp).toHaveBeenCalledOnce();
  });

  it('passes a handler’s refusal on to the page as it is', async () => {
    const { deliver } = setup();
    expect(await deliver({ type: 'refreshToken', request: { customerId: '0:0' } }, popup)).toEqual({
      rejected: 'no-key',
    });
  });

  it('takes a start without a token (the verified first factor’s is used) but not a malformed one', async () => {
    const { deliver } = setup();
    const customer = { identifierType: 'MOBILE', identifierValue: '18767431754', deviceId: '1234', brand: 'Bukl', customerId: '0:0' };
    expect(await deliver({ type: 'startMfaSession', request: customer }, popup)).toEqual(sent);
    expect(await deliver({ type: 'startMfaSession', request: { ...customer, authorizedToken: 'nope' } }, popup)).toEqual({
      rejected: 'bad-request',
    });
  });
});
