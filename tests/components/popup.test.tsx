import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import type { Heard, PopupClient, PopupState } from '@/entrypoints/popup/client';
import type { CustomerView } from '@/lib/model/desk/customer-view';
import type { Outcome } from '@/lib/model/desk/outcome';
import type { Draft } from '@/lib/model/desk/stored';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { SEED_CUSTOMER, SEED_DRAFT, SEED_TOKEN } from '../fixtures/capillary';
import { emptyView } from '../fixtures/snapshot';

const filled: Draft = SEED_DRAFT;
const subject = { identifierType: 'MOBILE', maskedIdentifier: '•••••••1754', brand: 'Bukl' } as const;
const outcome = (action: Outcome['action'], result: Outcome['result'], extra: Partial<Outcome> = {}): Outcome => ({
  action,
  subject,
  finishedAt: Date.now(),
  result,
  ...extra,
});

type Answers = Partial<Record<Outcome['action'] | 'startOver' | 'newCustomer' | 'closeCustomer', (request: unknown) => Promise<unknown>>>;

/** The desk as these tests give it: one customer on screen, its form, what it is doing. */
type OneCustomer = Pick<PopupState, 'settings' | 'cooldowns' | 'screenShare'> &
  Pick<CustomerView, 'activity' | 'hasToken' | 'firstFactor' | 'otpSentAt'> & { draft: Draft };
type OneCustomerChange = Partial<Omit<OneCustomer, 'draft'>>;

/**
 * The popup with a fake extension: `answers` stand in for the background, by message type. `ask` and `saveDraft`
 * record requests and forms as for one customer (without its ID); `asked` keeps the requests whole.
 */
function renderPopup(state: Partial<OneCustomer> & Partial<PopupState> = {}, answers: Answers = {}, client: Partial<PopupClient> = {}) {
  let push: (change: Heard) => void = () => {};
  const asked = vi.fn();
  const ask = vi.fn(async (type: string, request: unknown) => {
    const answer = answers[type as keyof Answers];
    if (answer) return answer(request);
    if (type === 'newCustomer') return { customerId: '1:5' };
    if (type === 'closeCustomer') return { closed: true };
    return type === 'startOver' ? { done: true } : outcome(type as Outcome['action'], { ok: true });
  });
  const saveDraft = vi.fn();
  const full: PopupClient = {
    ask: (async (type: string, request: Record<string, unknown>) => {
      asked(type, request);
      const { customerId: _customerId, ...rest } = request;
      return ask(type, rest);
    }) as unknown as PopupClient['ask'],
    saveDraft: (_id, draft) => saveDraft(draft),
    select: vi.fn(),
    setScreenShare: vi.fn(),
    chooseCluster: vi.fn(async () => {}),
    watch: (callback) => {
      push = callback;
      return () => {};
    },
    openSettings: vi.fn(),
    openPanel: vi.fn(async () => {}),
    close: vi.fn(),
    ...client,
  };
  const {
    draft = filled,
    activity = { inflight: null, outcome: null },
    hasToken = false,
    firstFactor = null,
    otpSentAt = null,
    ...rest
  } = state;
  let view: CustomerView = { ...emptyView('0:0'), activity, hasToken, firstFactor, otpSentAt };
  render(
    <App
      initial={{
        settings: DEFAULT_SETTINGS,
        cooldowns: {},
        screenShare: false,
        clusterChosen: true,
        customers: [view],
        forms: { 0: draft },
        selected: '0:0',
        menuNotice: null,
        ...rest,
      }}
      client={full}
    />,
  );
  /** A change heard from storage: the one customer's parts become its view's. */
  const pushOne = ({ activity, hasToken, firstFactor, ...parts }: OneCustomerChange & Heard) => {
    const mine = Object.fromEntries(Object.entries({ activity, hasToken, firstFactor }).filter(([, value]) => value !== undefined));
    if (Object.keys(mine).length > 0) view = { ...view, ...mine };
    push(Object.keys(mine).length > 0 ? { ...parts, customers: [view] } : parts);
  };
  return { client: { ...full, saveDraft }, ask, asked, push: pushOne };
}

describe('the popup', () => {
  it('follows settings that change while it is open: the band and the next call agree', async () => {
    const { push, ask } = renderPopup();
    push({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' } });
    await waitFor(() => expect(screen.getByText('Calls go to').parentElement!.textContent).toContain('US'));
    expect(ask).not.toHaveBeenCalled();
  });

  afterEach(cleanup);

  it('labels every control, and shows one step at a time with one main button', () => {
    renderPopup();
    for (const label of ['Identifier type', 'Identifier value', 'Device ID', 'Brand', 'Session ID', 'Ticket or chat reference']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('group', { name: 'Send the OTP' })).toBeTruthy();
    expect(screen.queryByLabelText('OTP')).toBeNull();
    expect(screen.getByRole('button', { name: 'Send OTP' }).className).toBe('primary');
    cleanup();
    renderPopup({ otpSentAt: Date.now() });
    expect(screen.getByRole('group', { name: 'Code from the customer' })).toBeTruthy();
    expect(screen.getByLabelText('OTP')).toBeTruthy();
    expect([...document.querySelectorAll('button.primary')].map((button) => button.textContent)).toEqual(['Validate OTP']);
    // The customer is one masked line once the code is awaited; Change shows the fields again.
    expect(screen.queryByLabelText('Identifier value')).toBeNull();
    expect(document.querySelector('.customer-line')!.textContent).toContain('•••••••1754');
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    expect(screen.getByLabelText('Identifier value')).toBeTruthy();
  });

  it('sends nothing while a field is empty or malformed, and marks the field', async () => {
    const { ask } = renderPopup({ draft: { ...filled, identifierValue: '98765 ABCDE', sessionId: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    await waitFor(() => expect(screen.getByLabelText('Identifier value').getAttribute('aria-invalid')).toBe('true'));
    expect(ask).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Session ID').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Brand').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText(/with its country code/)).toBeTruthy();
  });

  it('needs an OTP to validate', async () => {
    const { ask } = renderPopup({ otpSentAt: Date.now() });
    fireEvent.click(screen.getByRole('button', { name: 'Validate OTP' }));
    await waitFor(() => expect(screen.getByLabelText('OTP').getAttribute('aria-invalid')).toBe('true'));
    expect(ask).not.toHaveBeenCalled();
  });

  it('says "OTP sent" when the background reports success', async () => {
    const { ask } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('OTP sent'));
    expect(ask).toHaveBeenCalledWith('sendOtp', {
      identifierType: 'MOBILE',
      identifierValue: '18767431754',
      deviceId: '1234',
      brand: 'Bukl',
      sessionId: 'P-1',
    });
  });

  it('shows Capillary’s code, message and the next step in an alert', async () => {
    renderPopup(
      { draft: { ...filled, otp: '111111' }, otpSentAt: Date.now() },
      {
        validateOtp: async () =>
          outcome(
            'validateOtp',
            { ok: false, error: { kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' } },
            { attempt: 2 },
          ),
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Validate OTP' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1506 Invalid OTP');
    expect(alert.textContent).toContain('attempt 2 of 5');
    expect(alert.textContent).toContain('Ask the customer to read the OTP again');
    expect(screen.queryByRole('button', { name: 'Start a new session' })).toBeNull();
    await waitFor(() => expect((screen.getByLabelText('OTP') as HTMLInputElement).value).toBe(''));
  });

  it('offers the brand list while a brand is typed, and the band names the cluster the brand picks', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      apiBaseUrl: 'https://eu.api.capillarytech.com',
      brands: [{ brand: 'Bukl', apiBaseUrl: 'https://apac.api.capillarytech.com' }, { brand: 'Nomad' }],
    };
    renderPopup({ settings, draft: { ...filled, brand: '' } });
    const brand = screen.getByLabelText('Brand');
    const list = document.getElementById(brand.getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((option) => [option.value, option.textContent])).toEqual([
      ['Bukl', 'India'],
      ['Nomad', 'Default cluster'],
    ]);
    const band = () => document.querySelector('.band')!.textContent;
    expect(band()).toBe('Calls go to EU');
    fireEvent.input(brand, { target: { value: 'bukl' } });
    expect(band()).toBe('Calls go to Indiafor brand Bukl');
    fireEvent.input(brand, { target: { value: 'Nomad' } });
    expect(band()).toBe('Calls go to EU');
  });

  it('shows a refusal from the background as an alert', async () => {
    renderPopup({}, { sendOtp: async () => ({ rejected: 'unknown-message' as const }) });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    expect((await screen.findByRole('alert')).textContent).toContain('unknown message');
  });

  it('shows an outcome that arrived while it was closed', async () => {
    renderPopup({ activity: { inflight: null, outcome: outcome('validateOtp', { ok: true }) } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('OTP validated'));
  });

  it('follows a call still under way, and disables both buttons meanwhile', async () => {
    const { push } = renderPopup({
      activity: { inflight: { action: 'sendOtp', subject, startedAt: Date.now() }, outcome: null },
      otpSentAt: Date.now() - 60_000,
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Sending OTP'));
    expect((screen.getByRole('button', { name: 'Send OTP' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Validate OTP' }) as HTMLButtonElement).disabled).toBe(true);
    push({ activity: { inflight: null, outcome: outcome('sendOtp', { ok: true }) } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('OTP sent'));
  });

  it('shows the reply to its own call while storage still says the call is in flight', async () => {
    const { push } = renderPopup({}, { sendOtp: async () => outcome('sendOtp', { ok: true }, { finishedAt: Date.now() + 50 }) });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    // The snapshot written as the call left arrives after the reply.
    push({ activity: { inflight: { action: 'sendOtp', subject, startedAt: Date.now() }, outcome: null } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('OTP sent'));
  });

  it('counts the cooldown down on the Send OTP button for the same customer only', async () => {
    renderPopup({ cooldowns: { 'MOBILE|18767431754': Date.now() + 25_000 } });
    const send = screen.getByRole('button', { name: /Send OTP/ }) as HTMLButtonElement;
    expect(send.textContent).toMatch(/Send OTP \((25|24) s\)/);
    expect(send.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Identifier value'), { target: { value: '18767431755' } });
    await waitFor(() => expect(send.textContent).toBe('Send OTP'));
    expect(send.disabled).toBe(false);
  });

  it('saves the form as the agent types', () => {
    const { client } = renderPopup();
    fireEvent.input(screen.getByLabelText('Ticket or chat reference'), { target: { value: '#48213' } });
    expect(client.saveDraft).toHaveBeenCalledWith({ ...filled, reference: '#48213' });
  });

  it('leaves the session behind when the form is changed to another customer, and never sends it for them', async () => {
    const { client, ask } = renderPopup({ draft: { ...filled, otp: '123456' }, otpSentAt: Date.now() });
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    fireEvent.input(screen.getByLabelText('Identifier value'), { target: { value: '919876543210' } });
    expect(client.saveDraft).toHaveBeenLastCalledWith({ ...filled, identifierValue: '919876543210', sessionId: '', otp: '' });
    expect(screen.getByText(/the Session ID and codes of the one before were left behind/).getAttribute('role')).toBe('status');
    expect(await screen.findByLabelText('Authorized token')).toBeTruthy();
    fireEvent.keyDown(screen.getByLabelText('Identifier value'), { key: 'Enter' });
    await waitFor(() => expect(ask).toHaveBeenCalledWith('sendFirstFactorOtp', expect.not.objectContaining({ sessionId: 'P-1' })));
    expect(ask).not.toHaveBeenCalledWith('sendOtp', expect.anything());
  });

  it('keeps a code that never reached Capillary, and offers Retry', async () => {
    const offline = outcome('validateOtp', { ok: false, error: { kind: 'network', detail: 'Failed to fetch' } });
    const { ask } = renderPopup({ draft: { ...filled, otp: '123456' }, otpSentAt: Date.now() }, { validateOtp: async () => offline });
    fireEvent.click(screen.getByRole('button', { name: 'Validate OTP' }));
    await screen.findByRole('alert');
    expect((screen.getByLabelText('OTP') as HTMLInputElement).value).toBe('123456');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(ask).toHaveBeenCalledTimes(2));
    expect(ask).toHaveBeenLastCalledWith('validateOtp', expect.objectContaining({ otp: '123456' }));
  });

  it('keeps a code typed while the one before was being checked', async () => {
    let answer!: (value: Outcome) => void;
    renderPopup(
      { draft: { ...filled, otp: '111111' }, otpSentAt: Date.now() },
      { validateOtp: () => new Promise((resolve) => (answer = resolve)) },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Validate OTP' }));
    await waitFor(() => expect(answer).toBeDefined());
    fireEvent.input(screen.getByLabelText('OTP'), { target: { value: '222222' } });
    answer(outcome('validateOtp', { ok: false, error: { kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' } }));
    await screen.findByRole('alert');
    // The keyboard goes back to the code's field once the reply has been applied to the form.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('OTP')));
    expect((screen.getByLabelText('OTP') as HTMLInputElement).value).toBe('222222');
  });

  it('says why Send OTP waits, and until when', () => {
    renderPopup({ cooldowns: { 'MOBILE|18767431754': Date.now() + 25_000 }, otpSentAt: Date.now() });
    expect(screen.getByText(/Cooldown for this customer, so they do not get two SMS: the next one can go at/)).toBeTruthy();
  });

  it('says why Send first-factor OTP waits too', async () => {
    renderPopup({ draft: { ...filled, sessionId: '' }, cooldowns: { 'FIRST|MOBILE|18767431754': Date.now() + 25_000 } });
    const words = await screen.findByText(/Cooldown for this customer, so they do not get two SMS/);
    expect(words.closest('.session-start')).toBeTruthy();
    expect((screen.getByRole('button', { name: /Send first-factor OTP/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('names the brand a session is for when the form says another', () => {
    renderPopup({
      customers: [{ ...emptyView('0:0'), subject: { ...subject, brand: 'Nomad' }, otpSentAt: Date.now() }],
      forms: { 0: filled },
    });
    expect(screen.getByText('This session is for Nomad. Change the brand back, or start a new session for this brand.')).toBeTruthy();
  });
});

describe('the popup’s side panel button', () => {
  afterEach(cleanup);

  it('opens the side panel', () => {
    const { client } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect(client.openPanel).toHaveBeenCalledOnce();
  });

  it('says so when the browser refuses', async () => {
    renderPopup({}, {}, { openPanel: async () => Promise.reject(new Error('No active side panel for windowId')) });
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The side panel did not open: No active side panel');
  });
});

describe('the popup’s field errors', () => {
  afterEach(cleanup);

  it('stay on the fields the agent has not corrected yet', async () => {
    renderPopup({ draft: { ...SEED_DRAFT, deviceId: '', sessionId: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    await waitFor(() => expect(screen.getByLabelText('Session ID').getAttribute('aria-invalid')).toBe('true'));
    fireEvent.input(screen.getByLabelText('Device ID'), { target: { value: '1234' } });
    expect(screen.getByLabelText('Device ID').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Session ID').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the popup’s session start', () => {
  afterEach(cleanup);
  const noSession: Draft = { ...SEED_DRAFT, sessionId: '' };
  const failed = (action: Outcome['action'], code: number, message: string) => async () =>
    outcome(action, { ok: false, error: { kind: 'capillary', httpStatus: 400, code, message } });

  it('makes Send OTP the main button only once there is a session to send in', async () => {
    renderPopup({ draft: noSession });
    const send = screen.getByRole('button', { name: 'Send OTP' });
    expect(send.className).not.toContain('primary');
    fireEvent.input(screen.getByLabelText('Session ID'), { target: { value: 'P-1' } });
    expect(send.className).toContain('primary');
  });

  it('offers both ways to start while Session ID is empty, and neither once it is filled', async () => {
    renderPopup({ draft: noSession });
    expect(await screen.findByLabelText('Authorized token')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start MFA session' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send first-factor OTP' })).toBeTruthy();
    expect(screen.queryByLabelText('First-factor OTP')).toBeNull();
    fireEvent.input(screen.getByLabelText('Session ID'), { target: { value: 'P-1' } });
    await waitFor(() => expect(screen.queryByLabelText('Authorized token')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Send first-factor OTP' })).toBeNull();
  });

  it('starts an MFA session with a pasted token: the session ID fills in and the token is gone', async () => {
    const { ask, client } = renderPopup(
      { draft: noSession },
      { startMfaSession: async () => outcome('startMfaSession', { ok: true, sessionId: 'P-42' }) },
    );
    fireEvent.input(await screen.findByLabelText('Authorized token'), { target: { value: ` ${SEED_TOKEN} ` } });
    expect(screen.getByLabelText('Authorized token').className).toContain('masked');
    fireEvent.click(screen.getByRole('button', { name: 'Start MFA session' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('MFA session started'));
    expect(ask).toHaveBeenCalledWith('startMfaSession', { ...SEED_CUSTOMER, authorizedToken: SEED_TOKEN });
    await waitFor(() => expect((screen.getByLabelText('Session ID') as HTMLInputElement).value).toBe('P-42'));
    expect(client.saveDraft).toHaveBeenLastCalledWith(expect.objectContaining({ sessionId: 'P-42', authorizedToken: '' }));
    await waitFor(() => expect(screen.queryByLabelText('Authorized token')).toBeNull());
  });

  it('asks for a token, or the first factor, before starting', async () => {
    const { ask } = renderPopup({ draft: noSession });
    fireEvent.click(await screen.findByRole('button', { name: 'Start MFA session' }));
    await waitFor(() => expect(screen.getByLabelText('Authorized token').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/or send a first-factor OTP/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Authorized token'), { target: { value: 'not-a-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start MFA session' }));
    expect(await screen.findByText(/three parts separated by dots/)).toBeTruthy();
    expect(ask).not.toHaveBeenCalled();
  });

  it('runs the first factor: OTP sent, then its code verified, then the session started', async () => {
    const { ask, push } = renderPopup(
      { draft: noSession },
      { verifyFirstFactor: async () => outcome('verifyFirstFactor', { ok: true, sessionId: 'P-7' }) },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send first-factor OTP' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('First-factor OTP sent'));
    expect(ask).toHaveBeenCalledWith('sendFirstFactorOtp', SEED_CUSTOMER);
    push({ firstFactor: { apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl, customer: SEED_CUSTOMER, verified: false } });
    fireEvent.input(await screen.findByLabelText('First-factor OTP'), { target: { value: '654321' } });
    expect(screen.getByLabelText('First-factor OTP').className).toContain('masked');
    fireEvent.click(screen.getByRole('button', { name: 'Verify first factor' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('MFA session started'));
    expect(ask).toHaveBeenCalledWith('verifyFirstFactor', { ...SEED_CUSTOMER, otp: '654321' });
    await waitFor(() => expect((screen.getByLabelText('Session ID') as HTMLInputElement).value).toBe('P-7'));
  });

  it('marks the first-factor OTP field when its code is malformed', async () => {
    const { ask } = renderPopup({
      draft: { ...noSession, firstFactorOtp: '12a' },
      firstFactor: { apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl, customer: SEED_CUSTOMER, verified: false },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify first factor' }));
    await waitFor(() => expect(screen.getByLabelText('First-factor OTP').getAttribute('aria-invalid')).toBe('true'));
    expect(ask).not.toHaveBeenCalled();
  });

  it('hides a first factor sent for another customer', async () => {
    renderPopup({
      draft: noSession,
      firstFactor: {
        apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl,
        customer: { ...SEED_CUSTOMER, identifierValue: '18767431755' },
        verified: false,
      },
    });
    await screen.findByLabelText('Authorized token');
    expect(screen.queryByLabelText('First-factor OTP')).toBeNull();
  });

  it('starts the session with a verified first factor’s kept token, without a pasted one', async () => {
    const { ask } = renderPopup({
      draft: noSession,
      firstFactor: { apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl, customer: SEED_CUSTOMER, verified: true },
    });
    expect(await screen.findByText(/First factor verified/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start MFA session' }));
    await waitFor(() => expect(ask).toHaveBeenCalledWith('startMfaSession', SEED_CUSTOMER));
  });

  it.each([
    ['sendOtp', 1505, 'Invalid session'],
    ['validateOtp', 1518, 'Maximum OTP retries reached'],
  ] as const)('offers "Start a new session" after %s fails with %i, which brings the session start back', async (action, code, message) => {
    const { ask } = renderPopup(
      { draft: { ...filled, otp: '123456' }, otpSentAt: action === 'sendOtp' ? null : Date.now() },
      { [action]: failed(action, code, message) },
    );
    fireEvent.click(screen.getByRole('button', { name: action === 'sendOtp' ? 'Send OTP' : 'Validate OTP' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`${code} ${message}`);
    fireEvent.click(screen.getByRole('button', { name: 'Start a new session' }));
    await waitFor(() => expect((screen.getByLabelText('Session ID') as HTMLInputElement).value).toBe(''));
    expect(await screen.findByLabelText('Authorized token')).toBeTruthy();
    expect(ask).toHaveBeenCalledWith('startOver', {});
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an unknown code verbatim with what to escalate', async () => {
    renderPopup({}, { sendOtp: failed('sendOtp', 1777, 'Something new') });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1777 Something new');
    expect(alert.textContent).toContain('Escalate to Capillary support');
  });
});

describe('the popup’s form after calls', () => {
  afterEach(cleanup);

  it('leaves the form alone for a call made elsewhere: the background saves the form that call leaves', async () => {
    const { push } = renderPopup({ draft: { ...filled, otp: '' }, otpSentAt: Date.now() });
    // Another page's validate failed, and the agent's next code reached this page as the form saved meanwhile.
    push({ forms: { 0: { ...filled, otp: '222222' } } });
    push({
      activity: {
        inflight: null,
        outcome: outcome('validateOtp', { ok: false, error: { kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' } }),
      },
    });
    await screen.findByRole('alert');
    // Effects run after the render: give a wrongly applied outcome the time to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((screen.getByLabelText('OTP') as HTMLInputElement).value).toBe('222222');
  });

  it('applies each outcome once: one that comes back into view is not applied again', async () => {
    const { client, push } = renderPopup({}, { endSession: async () => outcome('endSession', { ok: true }) }, {});
    push({ hasToken: true });
    fireEvent.click(await screen.findByRole('button', { name: 'End session' }));
    await waitFor(() => expect((screen.getByLabelText('Session ID') as HTMLInputElement).value).toBe(''));
    fireEvent.input(screen.getByLabelText('Session ID'), { target: { value: 'P-2' } });
    // Another page's newer outcome, then none: the popup shows its own End session reply again.
    push({ activity: { inflight: null, outcome: outcome('refreshToken', { ok: true }, { finishedAt: Date.now() + 1000 }) } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Token refreshed'));
    push({ activity: { inflight: null, outcome: null } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Session ended'));
    // Effects run after the render: give a wrongly re-applied outcome the time to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((screen.getByLabelText('Session ID') as HTMLInputElement).value).toBe('P-2');
    expect(client.saveDraft).toHaveBeenLastCalledWith(expect.objectContaining({ sessionId: 'P-2' }));
  });
});

describe('the popup’s End session', () => {
  afterEach(cleanup);

  it('is offered only while a token is held, and ends the session', async () => {
    const { ask, push } = renderPopup();
    expect(screen.queryByRole('button', { name: 'End session' })).toBeNull();
    push({ hasToken: true });
    const end = await screen.findByRole('button', { name: 'End session' });
    // It ends something at Capillary: it looks it, and the verified customer's details are not editable.
    expect(end.className).toBe('danger');
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    expect((screen.getByLabelText('Identifier value') as HTMLInputElement).readOnly).toBe(true);
    fireEvent.click(end);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Session ended'));
    expect(ask).toHaveBeenCalledWith('endSession', {});
    push({ hasToken: false });
    await waitFor(() => expect((screen.getByLabelText('Session ID') as HTMLInputElement).value).toBe(''));
    expect(await screen.findByLabelText('Authorized token')).toBeTruthy();
  });
});

describe('the popup’s first start', () => {
  afterEach(cleanup);

  it('asks which cluster before the first call, saves the choice, and shows the band once it is saved', async () => {
    const { client, push } = renderPopup({ clusterChosen: false });
    expect(screen.queryByText('Calls go to')).toBeNull();
    expect(screen.getByText('Which Capillary cluster are your brands on?')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cluster'), { target: { value: 'https://apac.api.capillarytech.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this cluster' }));
    await waitFor(() => expect(client.chooseCluster).toHaveBeenCalledWith('https://apac.api.capillarytech.com'));
    act(() => push({ clusterChosen: true, settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'https://apac.api.capillarytech.com' } }));
    expect(screen.getByText('Calls go to').parentElement!.textContent).toBe('Calls go to India');
  });

  it('puts the keyboard in the first empty customer field when it opens', async () => {
    renderPopup({ draft: { ...filled, identifierValue: '' } });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Identifier value')));
  });
});

describe('the popup’s band', () => {
  afterEach(cleanup);

  it.each([
    ['https://eu.api.capillarytech.com', 'Calls go to EU', 'cluster'],
    ['https://api.capillarytech.cn.com', 'Calls go to China', 'cluster'],
    ['https://auth.brand.example', 'Calls go to Customauth.brand.example', 'custom'],
    ['http://127.0.0.1:8787', 'Calls go to Customhttp://127.0.0.1:8787, unencrypted', 'custom'],
  ])('names %s', (apiBaseUrl, text, kind) => {
    renderPopup({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl } });
    const band = screen.getByText('Calls go to').parentElement!;
    expect(band.textContent).toBe(text);
    expect(band.className).toContain(`band-${kind}`);
  });

  it('names the sandbox npm start built it for as the sandbox', () => {
    vi.stubEnv('WXT_DEFAULT_API_BASE_URL', 'http://127.0.0.1:8787');
    renderPopup({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:8787' } });
    const band = screen.getByText('Calls go to').parentElement!;
    expect(band.textContent).toBe('Calls go to Sandbox127.0.0.1:8787');
    expect(band.className).toContain('band-sandbox');
    vi.unstubAllEnvs();
  });

  it('in screen-share mode masks the identifier value, session ID and OTP as typed, and still sends them', async () => {
    const { client, ask, push } = renderPopup({
      screenShare: true,
      draft: { ...filled, sessionId: 'P-1', otp: '123456' },
      otpSentAt: Date.now(),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    for (const label of ['Identifier value', 'Session ID', 'OTP']) expect(screen.getByLabelText(label).className).toBe('masked');
    fireEvent.click(screen.getByRole('button', { name: 'Validate OTP' }));
    await waitFor(() => expect(ask).toHaveBeenCalledWith('validateOtp', expect.objectContaining({ otp: '123456', sessionId: 'P-1' })));
    fireEvent.click(screen.getByRole('switch', { name: 'Screen-share mode' }));
    expect(client.setScreenShare).toHaveBeenCalledWith(false);
    act(() => push({ screenShare: false }));
    expect(screen.getByLabelText('Identifier value').className).toBe('');
  });

  it('shows the value that will be sent when it differs from what was pasted, and sends that', async () => {
    const { ask } = renderPopup({ draft: { ...filled, identifierValue: '+1 (876) 743-1754', sessionId: 'P-1' } });
    expect(screen.getByText('Sent as 18767431754')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    await waitFor(() => expect(ask).toHaveBeenCalledWith('sendOtp', expect.objectContaining({ identifierValue: '18767431754' })));
  });

  describe('from the keyboard', () => {
    it('Enter in a customer field sends the OTP, and focus moves to the OTP field once it is sent', async () => {
      const { ask } = renderPopup({ draft: { ...filled, sessionId: 'P-1' } });
      fireEvent.keyDown(screen.getByLabelText('Brand'), { key: 'Enter' });
      await waitFor(() => expect(ask).toHaveBeenCalledWith('sendOtp', expect.objectContaining({ sessionId: 'P-1' })));
      await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('OTP')));
    });

    it('Enter while Session ID is empty sends the first-factor OTP, or starts the session with a pasted token', async () => {
      const { ask } = renderPopup({ draft: { ...filled, sessionId: '' } });
      fireEvent.keyDown(screen.getByLabelText('Identifier value'), { key: 'Enter' });
      await waitFor(() => expect(ask).toHaveBeenCalledWith('sendFirstFactorOtp', expect.anything()));
      cleanup();
      const withToken = renderPopup({ draft: { ...filled, sessionId: '', authorizedToken: SEED_TOKEN } });
      fireEvent.keyDown(screen.getByLabelText('Device ID'), { key: 'Enter' });
      await waitFor(() =>
        expect(withToken.ask).toHaveBeenCalledWith('startMfaSession', expect.objectContaining({ authorizedToken: SEED_TOKEN })),
      );
    });

    it('keeps the keyboard on Session ID once a verified first factor started the session and the customer unfolds', async () => {
      renderPopup(
        {
          draft: { ...filled, sessionId: '', firstFactorOtp: '654321' },
          firstFactor: { apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl, customer: SEED_CUSTOMER, verified: false },
        },
        { verifyFirstFactor: async () => outcome('verifyFirstFactor', { ok: true, sessionId: 'P-7' }) },
      );
      fireEvent.click(await screen.findByRole('button', { name: 'Verify first factor' }));
      await waitFor(() => expect((screen.getByLabelText('Session ID') as HTMLInputElement).value).toBe('P-7'));
      expect(screen.getByLabelText('Identifier value')).toBeTruthy();
      await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Session ID')));
    });

    it('Escape closes the popup, and the shortcuts are listed in a help it opens', async () => {
      const { client } = renderPopup();
      fireEvent.keyDown(window, { key: 'Escape' });
      expect(client.close).toHaveBeenCalledOnce();
      const help = screen.getByText('Keyboard shortcuts').closest('details')!;
      help.open = true;
      fireEvent(help, new Event('toggle'));
      await waitFor(() => expect(help.textContent).toContain('Close the popup'));
    });
  });
});

describe('the popup’s customers', () => {
  afterEach(cleanup);

  it('names each customer’s tab by its masked identifier and brand, and sends for the one on screen', async () => {
    const other = { ...filled, identifierValue: '919876543210', brand: 'Nomad', sessionId: 'P-9' };
    const { asked, client } = renderPopup({
      customers: [emptyView('0:0'), { ...emptyView('3:77'), hasToken: true, verifiedUntil: Date.now() + 60_000 }],
      forms: { 0: filled, 3: other },
      selected: '3:77',
    });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.querySelector('.who')?.textContent)).toEqual(['•••••••1754 Bukl', '••••••••3210 Nomad']);
    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    expect(tabs[1].textContent).toContain('Verified until');
    expect(tabs[1].className).toContain('soon');
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    await waitFor(() => expect(asked).toHaveBeenCalledWith('sendOtp', expect.objectContaining({ customerId: '3:77', sessionId: 'P-9' })));
    fireEvent.keyDown(tabs[1], { key: 'ArrowLeft' });
    expect(client.select).toHaveBeenCalledWith('0:0');
    expect((screen.getByLabelText('Identifier value') as HTMLInputElement).value).toBe('18767431754');
  });

  it('says Verified, with no clock, for a customer whose token and session have no known end', () => {
    renderPopup({
      customers: [{ ...emptyView('0:0'), hasToken: true, verifiedUntil: null }],
      forms: { 0: filled },
    });
    const [tab] = screen.getAllByRole('tab');
    expect(tab.querySelector('.phase')?.textContent).toBe('Verified');
    const step = screen.getByRole('button', { name: 'End session' }).closest('.verified-until')!;
    expect(step.textContent).toBe('VerifiedEnd session');
  });

  it('takes no typing while a new customer is opened, then shows it, chosen everywhere', async () => {
    let open: (answer: unknown) => void = () => {};
    const { client } = renderPopup({}, { newCustomer: () => new Promise((resolve) => (open = resolve)) });
    fireEvent.click(screen.getByRole('button', { name: 'New customer' }));
    await waitFor(() => expect(screen.getByLabelText('Identifier value').closest('fieldset')?.disabled).toBe(true));
    expect((screen.getByRole('button', { name: 'New customer' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => open({ customerId: '1:5' }));
    await waitFor(() => expect(client.select).toHaveBeenCalledWith('1:5'));
    expect(screen.getByLabelText('Identifier value').closest('fieldset')?.disabled).toBe(false);
  });
});
