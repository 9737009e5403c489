import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type PanelClient, type PanelState } from '@/entrypoints/sidepanel/App';
import type { Copied, CopyStart } from '@/lib/model/clipboard';
import type { Outcome } from '@/lib/model/desk/outcome';
import type { MfaSession } from '@/lib/model/desk/session';
import type { Auth, CustomerRecord, Draft } from '@/lib/model/desk/stored';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { emptyRecord } from '@/lib/platform/storage/customer-store';
import { b64url, SEED_CUSTOMER, SEED_DRAFT, SEED_USER } from '../fixtures/capillary';

const header = { idv: ['MOBILE|18767431754'], dev: '1234', org: 'BUKL', alg: 'HS256' };
const now = Math.floor(Date.now() / 1000);
const token = `${b64url(header)}.${b64url({ uid: '1780776', iss: 'CAPILLARY TECHNOLOGIES', exp: now + 900, iat: now, rol: 'USER' })}.sig`;
const key = `${b64url(header)}.${b64url({ uid: '1780776', mfa: true, iat: now, rol: 'AUTH' })}.sig`;
const user = SEED_USER;
const draft = SEED_DRAFT;
/** The panel as these tests give it: one customer, with its token, session and form. */
type OneCustomer = Omit<PanelState, 'customers' | 'forms' | 'selected' | 'menuNotice'> & {
  auth: Auth | null;
  session: MfaSession | null;
  draft: Draft | null;
};
const empty: OneCustomer = {
  settings: DEFAULT_SETTINGS,
  auth: null,
  session: null,
  draft: null,
  history: [],
  pendingJwt: null,
  screenShare: false,
  folds: {},
  copied: null,
};
const validated: OneCustomer = {
  ...empty,
  draft,
  auth: { token, key, user, receivedAt: Date.now(), apiBaseUrl: 'https://eu.api.capillarytech.com', customer: SEED_CUSTOMER },
};

/** The panel with a fake extension; `ask` records requests as for one customer (without its ID). */
function renderPanel(initial: OneCustomer = empty, client: Partial<PanelClient> = {}) {
  let push: (change: Partial<PanelState>) => void = () => {};
  const { ask: given, ...others } = client;
  const ask = given ?? vi.fn(async () => ({ done: true }));
  const full: PanelClient = {
    watch: (callback) => {
      push = callback;
      return () => {};
    },
    ask: (async (type: string, { customerId: _customerId, ...request }: Record<string, unknown>) =>
      (ask as (...args: unknown[]) => Promise<unknown>)(type, request)) as unknown as PanelClient['ask'],
    copy: vi.fn(async (): Promise<CopyStart> => 'copied'),
    copyNote: vi.fn(async () => true),
    select: vi.fn(),
    download: vi.fn(),
    setScreenShare: vi.fn(),
    setFolds: vi.fn(),
    ...others,
  };
  const { auth, session, draft, ...rest } = initial;
  let record: CustomerRecord = { ...emptyRecord('0:0', 0), auth, session };
  render(
    <App initial={{ ...rest, customers: [record], forms: draft ? { 0: draft } : {}, selected: '0:0', menuNotice: null }} client={full} />,
  );
  /** A change heard from storage: the one customer's token and session become its record's. */
  const pushOne = ({ auth, session, ...change }: Partial<OneCustomer>) => {
    if (auth !== undefined) record = { ...record, auth };
    if (session !== undefined) record = { ...record, session };
    push(auth !== undefined || session !== undefined ? { ...change, customers: [record] } : change);
  };
  return { client: { ...full, ask }, push: pushOne };
}

const section = (name: string) => screen.getByRole('heading', { name }).closest('section') as HTMLElement;

describe('the side panel', () => {
  afterEach(cleanup);

  it('says there is nothing yet before a validate', () => {
    renderPanel();
    expect(screen.getByText(/No token yet/)).toBeTruthy();
    expect(screen.getByText(/No MFA session yet/)).toBeTruthy();
  });

  it('lists the token’s and the key’s claims with their meanings, the identifier masked', () => {
    renderPanel(validated);
    const tokenSection = section('Token');
    expect(within(tokenSection).getByText('rol')).toBeTruthy();
    expect(within(tokenSection).getByText(/USER: an access token/)).toBeTruthy();
    expect(within(tokenSection).getByText(/expires in 1[45] min/)).toBeTruthy();
    expect(within(tokenSection).getByText('MOBILE|•••••••1754')).toBeTruthy();
    expect(tokenSection.textContent).not.toContain('18767431754');
    const keySection = section('Key');
    expect(within(keySection).getByText(/No expiry/)).toBeTruthy();
    expect(within(keySection).getByText(/AUTH: the key/)).toBeTruthy();
    expect(within(section('User')).getByText('appRegistered')).toBeTruthy();
    expect(screen.getByText(/Signatures are not verified/)).toBeTruthy();
  });

  it('keeps the token masked until revealed, and copies it', async () => {
    const { client } = renderPanel(validated);
    const tokenSection = section('Token');
    expect(tokenSection.textContent).not.toContain(token);
    // Masked, not one character of it shows: only how long it is.
    expect(tokenSection.querySelector('.secret-value')!.textContent).toBe(`•••••••••••••••••••••••• (${token.length} characters, hidden)`);
    fireEvent.click(within(tokenSection).getByRole('button', { name: 'Reveal token' }));
    expect(tokenSection.textContent).toContain(token);
    fireEvent.click(within(tokenSection).getByRole('button', { name: 'Copy token' }));
    expect(client.copy).toHaveBeenCalledWith(token);
    expect((await within(tokenSection).findByRole('status')).textContent).toBe(
      'Token copied. The clipboard will be cleared in 60 s if it still holds it.',
    );
  });

  it.each([
    ['cleared', 'status', 'Clipboard cleared: the token copied 60 s ago is no longer on it.'],
    ['changed', 'status', 'Clipboard left as it is: it holds something else now.'],
    ['failed', 'alert', 'The clipboard could not be cleared: it may still hold the token. Copy something else over it.'],
  ] as const)('says how the background’s clearing of the clipboard ended, even in a panel opened since: %s', (state, role, words) => {
    const copied: Copied = { digest: null, copiedAt: Date.now() - 61_000, state };
    renderPanel({ ...validated, copied });
    expect(within(section('Token')).getByRole(role).textContent).toBe(words);
  });

  it('says nothing of a copy made long ago', () => {
    renderPanel({ ...validated, copied: { digest: null, copiedAt: Date.now() - 60 * 60_000, state: 'cleared' } });
    expect(within(section('Token')).queryByRole('status')).toBeNull();
  });

  it.each([
    ['not-allowed', 'Token copied, but it will not be cleared: MFA Desk was not allowed to read the clipboard back.'],
    ['copy-failed', 'The token could not be copied: the browser refused the clipboard.'],
    ['failed', 'The clipboard could not be cleared: it may still hold the token. Copy something else over it.'],
  ] as const)('says at once when a copy will not be cleared: %s', async (start, words) => {
    renderPanel(validated, { copy: vi.fn(async (): Promise<CopyStart> => start) });
    fireEvent.click(within(section('Token')).getByRole('button', { name: 'Copy token' }));
    await waitFor(() => expect(within(section('Token')).getByRole('alert').textContent).toContain(words));
  });

  it('offers no Copy for the key, which only MFA Desk itself uses', () => {
    renderPanel(validated);
    expect(within(section('Key')).getByRole('button', { name: 'Reveal key' })).toBeTruthy();
    expect(within(section('Key')).queryByRole('button', { name: /Copy/ })).toBeNull();
  });

  it('shows personal data when the agent asks', () => {
    renderPanel(validated);
    fireEvent.click(screen.getByLabelText('Show personal data'));
    expect(within(section('Token')).getByText('MOBILE|18767431754')).toBeTruthy();
  });

  it('warns when the token is not for the customer in the form', () => {
    renderPanel({ ...validated, draft: { ...draft, deviceId: '9999' } });
    expect(screen.getByRole('alert').textContent).toContain('device ID: token says 1234, form says 9999');
  });

  it('updates when storage changes', async () => {
    const { push } = renderPanel();
    push({ auth: validated.auth });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Token' })).toBeTruthy());
  });

  it('decodes a pasted JWT and names the failing part of a broken one', async () => {
    renderPanel();
    const box = screen.getByLabelText('Paste a JWT');
    fireEvent.input(box, { target: { value: `Bearer "${token}"` } });
    expect(within(section('Decode')).getByText(/CAPILLARY TECHNOLOGIES/, { selector: 'code' })).toBeTruthy();
    fireEvent.input(box, { target: { value: `${b64url(header)}.bad!.sig` } });
    expect(screen.getByRole('alert').textContent).toContain('Payload: not base64url');
  });

  it('renders a hostile claim as text, never as HTML', () => {
    renderPanel();
    const hostile = '<img src=x onerror="window.hacked=1">';
    fireEvent.input(screen.getByLabelText('Paste a JWT'), { target: { value: `${b64url({ alg: 'none' })}.${b64url({ sub: hostile })}.` } });
    const decode = section('Decode');
    expect(decode.querySelector('img')).toBeNull();
    expect(within(decode).getByText(hostile)).toBeTruthy();
    expect(within(decode).getByText(/Unsigned/)).toBeTruthy();
  });

  it('fills the box from "Decode JWT in MFA Desk"', async () => {
    const { push } = renderPanel();
    push({ pendingJwt: { text: token, at: Date.now() } });
    await waitFor(() => expect((screen.getByLabelText('Paste a JWT') as HTMLTextAreaElement).value).toBe(token));
  });

  it('exports and clears the history', () => {
    const entry = {
      at: Date.UTC(2026, 10, 22),
      cluster: 'EU',
      brand: 'Bukl',
      maskedIdentifier: '•••••••1754',
      action: 'sendOtp',
      code: 'OK',
    } as const;
    const { client } = renderPanel({ ...empty, history: [entry] });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(client.download).toHaveBeenCalledWith(
      expect.stringMatching(/^mfa-desk-history-.*\.csv$/),
      expect.stringContaining('EU,Bukl,•••••••1754,sendOtp,OK'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(client.ask).toHaveBeenCalledWith('clearHistory', {});
  });

  it('shows the session: who, since when, the 15-minute countdown and each attempt', () => {
    const began = Date.now() - 60_000;
    renderPanel({
      ...empty,
      session: {
        apiBaseUrl: 'https://eu.api.capillarytech.com',
        sessionId: 'P-1',
        brand: 'Bukl',
        identifierType: 'MOBILE',
        maskedIdentifier: '•••••••1754',
        deviceId: '1234',
        beganAt: began,
        events: [
          { action: 'sendOtp', at: began, ok: true, code: 'OK' },
          { action: 'validateOtp', at: began + 1000, ok: false, code: '1506', attempt: 1 },
        ],
      },
    });
    const session = section('Session');
    expect(session.textContent).toContain('EU');
    expect(session.textContent).toContain('MOBILE •••••••1754');
    expect(session.textContent).toMatch(/expires in 1[34] min/);
    expect(within(session).getByRole('list', { name: 'Session events' }).textContent).toContain('Validate attempt 1 of 5 — 1506');
  });
});

describe('the side panel’s Refresh token and End session', () => {
  afterEach(cleanup);
  const refreshed = (result: Outcome['result']): Outcome => ({
    action: 'refreshToken',
    subject: { identifierType: 'MOBILE', maskedIdentifier: '•••••••1754', brand: 'Bukl' },
    finishedAt: Date.now(),
    result,
  });

  it('is offered with a key, and says "Token refreshed" once the background has the new token', async () => {
    const ask = vi.fn(async () => refreshed({ ok: true }));
    renderPanel(validated, { ask: ask as unknown as PanelClient['ask'] });
    fireEvent.click(within(section('Token')).getByRole('button', { name: 'Refresh token' }));
    await waitFor(() => expect(within(section('Token')).getByRole('status').textContent).toContain('Token refreshed'));
    expect(ask).toHaveBeenCalledWith('refreshToken', {});
  });

  it('is not offered before a validate', () => {
    renderPanel();
    expect(screen.queryByRole('button', { name: 'Refresh token' })).toBeNull();
  });

  it('shows a refused key with its code, message and next step, and offers a new session', async () => {
    const ask = vi.fn(async (type: string) =>
      type === 'refreshToken'
        ? refreshed({ ok: false, error: { kind: 'capillary', httpStatus: 401, code: 1597, message: 'Key expired or not valid' } })
        : { done: true },
    );
    renderPanel(validated, { ask: ask as unknown as PanelClient['ask'] });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh token' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1597 Key expired or not valid');
    expect(alert.textContent).toContain('Start a new MFA session');
    fireEvent.click(within(alert).getByRole('button', { name: 'Start a new session' }));
    await waitFor(() => expect(ask).toHaveBeenCalledWith('startOver', {}));
    expect((await screen.findByText(/Session ID emptied/)).getAttribute('role')).toBe('status');
  });

  it('ends the session from the panel, and says so where the token was until another arrives', async () => {
    const ended: Outcome = { ...refreshed({ ok: true }), action: 'endSession' };
    const ask = vi.fn(async () => ended);
    const { push } = renderPanel(validated, { ask: ask as unknown as PanelClient['ask'] });
    const end = within(section('Token')).getByRole('button', { name: 'End session' });
    expect(end.className).toBe('danger');
    fireEvent.click(end);
    // Asked first: nothing is ended until the agent says yes.
    expect(within(screen.getByRole('alertdialog')).getByText(/would have to be verified again/)).toBeTruthy();
    expect(ask).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(end);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, end session' }));
    await waitFor(() => expect(ask).toHaveBeenCalledWith('endSession', {}));
    act(() => push({ auth: null }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Session ended for •••••••1754 · Bukl'));
    expect(screen.queryByText(/No token yet/)).toBeNull();
    act(() => push({ auth: validated.auth }));
    act(() => push({ auth: null }));
    expect(screen.getByText(/No token yet/)).toBeTruthy();
  });

  it('says why the session was not ended when the background refuses', async () => {
    renderPanel(validated, { ask: vi.fn(async () => ({ rejected: 'no-token' })) as unknown as PanelClient['ask'] });
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, end session' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Session not ended: there is no token to end: validate an OTP first.');
  });

  it('names where the calls go', () => {
    renderPanel({ ...empty, settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:8787' } });
    expect(screen.getByText('Calls go to').parentElement!.textContent).toBe('Calls go to Customhttp://127.0.0.1:8787, unencrypted');
  });

  it('in screen-share mode shows no token, key, session ID or personal data, disables Reveal, and masks the paste box', () => {
    const session = {
      apiBaseUrl: 'https://eu.api.capillarytech.com',
      sessionId: 'P-secret-session',
      brand: 'Bukl',
      identifierType: 'MOBILE' as const,
      maskedIdentifier: '•••••••1754',
      deviceId: '1234',
      beganAt: Date.now(),
      events: [],
    };
    const withSecrets = {
      ...validated,
      session,
      auth: { ...validated.auth!, user: { ...user, sessionId: 'P-secret-session', mobile: '18767431754' } },
    };
    const { client, push } = renderPanel({ ...withSecrets, screenShare: true });
    const text = () => document.body.textContent ?? '';
    expect(screen.getByRole('switch', { name: 'Screen-share mode' })).toHaveProperty('checked', true);
    for (const secret of [token.slice(0, 6), key.slice(12, 30), 'P-secret-session', '18767431754']) expect(text()).not.toContain(secret);
    expect(screen.getByRole('button', { name: 'Reveal token' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Reveal key' })).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Show personal data')).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Paste a JWT').className).toBe('masked');
    // The token's claims are folded, and the customer's Capillary user ID is not among them.
    expect(screen.getAllByText('Claims (folded while screen-sharing)')[0].closest('details')!.open).toBe(false);
    expect(text()).not.toContain('1780776');
    fireEvent.click(screen.getByRole('switch', { name: 'Screen-share mode' }));
    expect(client.setScreenShare).toHaveBeenCalledWith(false);
    act(() => push({ screenShare: false }));
    expect(text()).toContain('P-secret-session');
    expect(screen.getByRole('button', { name: 'Reveal token' })).toHaveProperty('disabled', false);
  });
});
