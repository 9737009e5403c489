import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type PopupClient, type PopupState } from '@/entrypoints/popup/App';
import type { Activity, Outcome } from '@/lib/desk/outcome';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import type { Draft } from '@/lib/storage/items';
import { SEED_DRAFT } from '../fixtures/capillary';

const filled: Draft = SEED_DRAFT;
const subject = { identifierType: 'MOBILE', maskedIdentifier: '•••••••1754', brand: 'Bukl' } as const;
const outcome = (action: Outcome['action'], result: Outcome['result']): Outcome => ({ action, subject, finishedAt: Date.now(), result });

function renderPopup(state: Partial<PopupState> = {}, client: Partial<PopupClient> = {}) {
  let pushActivity: (activity: Activity) => void = () => {};
  const full: PopupClient = {
    sendOtp: vi.fn(async () => outcome('sendOtp', { ok: true })),
    validateOtp: vi.fn(async () => outcome('validateOtp', { ok: true })),
    saveDraft: vi.fn(),
    watchActivity: (callback) => {
      pushActivity = callback;
      return () => {};
    },
    watchCooldowns: () => () => {},
    openSettings: vi.fn(),
    openPanel: vi.fn(async () => {}),
    ...client,
  };
  render(
    <App
      initial={{ settings: DEFAULT_SETTINGS, draft: filled, activity: { inflight: null, outcome: null }, cooldowns: {}, ...state }}
      client={full}
    />,
  );
  return { client: full, pushActivity: (activity: Activity) => pushActivity(activity) };
}

describe('the popup', () => {
  afterEach(cleanup);

  it('labels every control', () => {
    renderPopup();
    for (const label of ['Identifier type', 'Identifier value', 'Device ID', 'Brand', 'Session ID', 'OTP']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Send OTP' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Validate OTP' })).toBeTruthy();
  });

  it('sends nothing while a field is empty or malformed, and marks the field', async () => {
    const { client } = renderPopup({ draft: { ...filled, identifierValue: '98765 43210', sessionId: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    expect(client.sendOtp).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Identifier value').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Session ID').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Brand').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText(/no spaces or dashes/)).toBeTruthy();
  });

  it('needs an OTP to validate', () => {
    const { client } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Validate OTP' }));
    expect(client.validateOtp).not.toHaveBeenCalled();
    expect(screen.getByLabelText('OTP').getAttribute('aria-invalid')).toBe('true');
  });

  it('says "OTP sent" when the background reports success', async () => {
    const { client } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('OTP sent'));
    expect(client.sendOtp).toHaveBeenCalledWith({
      identifierType: 'MOBILE',
      identifierValue: '18767431754',
      deviceId: '1234',
      brand: 'Bukl',
      sessionId: 'P-1',
    });
  });

  it('shows Capillary’s code, message and the next step in an alert', async () => {
    renderPopup(
      { draft: { ...filled, otp: '111111' } },
      {
        validateOtp: async () =>
          outcome('validateOtp', { ok: false, error: { kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' } }),
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Validate OTP' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1506 Invalid OTP');
    expect(alert.textContent).toContain('ask the customer to read the OTP again');
    await waitFor(() => expect((screen.getByLabelText('OTP') as HTMLInputElement).value).toBe(''));
  });

  it('shows a refusal from the background as an alert', async () => {
    renderPopup({}, { sendOtp: async () => ({ rejected: 'unknown message' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    expect((await screen.findByRole('alert')).textContent).toContain('unknown message');
  });

  it('shows an outcome that arrived while it was closed', () => {
    renderPopup({ activity: { inflight: null, outcome: outcome('validateOtp', { ok: true }) } });
    expect(screen.getByRole('status').textContent).toContain('OTP validated');
  });

  it('follows a call still under way, and disables both buttons meanwhile', async () => {
    const { pushActivity } = renderPopup({ activity: { inflight: { action: 'sendOtp', subject, startedAt: Date.now() }, outcome: null } });
    expect(screen.getByRole('status').textContent).toContain('Sending OTP');
    expect((screen.getByRole('button', { name: 'Send OTP' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Validate OTP' }) as HTMLButtonElement).disabled).toBe(true);
    pushActivity({ inflight: null, outcome: outcome('sendOtp', { ok: true }) });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('OTP sent'));
  });

  it('counts the cooldown down on the Send OTP button for the same customer only', async () => {
    renderPopup({ cooldowns: { 'BUKL|MOBILE|18767431754': Date.now() + 25_000 } });
    const send = screen.getByRole('button', { name: /Send OTP/ }) as HTMLButtonElement;
    expect(send.textContent).toMatch(/Send OTP \((25|24) s\)/);
    expect(send.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Identifier value'), { target: { value: '18767431755' } });
    await waitFor(() => expect(send.textContent).toBe('Send OTP'));
    expect(send.disabled).toBe(false);
  });

  it('saves the form as the agent types', () => {
    const { client } = renderPopup();
    fireEvent.input(screen.getByLabelText('Brand'), { target: { value: 'Acme' } });
    expect(client.saveDraft).toHaveBeenCalledWith({ ...filled, brand: 'Acme' });
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
    renderPopup({}, { openPanel: async () => Promise.reject(new Error('No active side panel for windowId')) });
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The side panel did not open: No active side panel');
  });
});

describe('the popup’s field errors', () => {
  afterEach(cleanup);

  it('stay on the fields the agent has not corrected yet', () => {
    renderPopup({ draft: { ...SEED_DRAFT, deviceId: '', sessionId: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send OTP' }));
    fireEvent.input(screen.getByLabelText('Device ID'), { target: { value: '1234' } });
    expect(screen.getByLabelText('Device ID').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Session ID').getAttribute('aria-invalid')).toBe('true');
  });
});
