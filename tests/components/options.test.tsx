import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type OptionsClient } from '@/entrypoints/options/App';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

function renderOptions(client: Partial<OptionsClient> = {}) {
  const full: OptionsClient = { save: vi.fn(async () => {}), requestHost: vi.fn(async () => true), download: vi.fn(), ...client };
  render(<App initial={DEFAULT_SETTINGS} client={full} />);
  return full;
}

const typeUrl = (url: string) => fireEvent.input(screen.getByLabelText('API base URL'), { target: { value: url } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('the options page', () => {
  afterEach(cleanup);

  it('offers the five clusters as presets', () => {
    renderOptions();
    const options = [...(screen.getByLabelText('Cluster') as HTMLSelectElement).options].map((option) => option.value);
    expect(options).toEqual(['EU', 'India', 'APAC2', 'US', 'China', 'Custom URL']);
    fireEvent.change(screen.getByLabelText('Cluster'), { target: { value: 'APAC2' } });
    expect((screen.getByLabelText('API base URL') as HTMLInputElement).value).toBe('https://apac2.api.capillarytech.com');
  });

  it('saves a cluster, asking again for its host so a withheld one can be granted from Save', async () => {
    const client = renderOptions();
    fireEvent.change(screen.getByLabelText('Cluster'), { target: { value: 'US' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(client.save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' });
    expect(client.requestHost).toHaveBeenCalledWith('https://us.api.capillarytech.com');
  });

  it('saves the local sandbox over http', async () => {
    const client = renderOptions();
    typeUrl('http://127.0.0.1:8787/');
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(client.save).toHaveBeenCalledWith(expect.objectContaining({ apiBaseUrl: 'http://127.0.0.1:8787' }));
  });

  it('refuses plain http to another host, and saves nothing', () => {
    const client = renderOptions();
    typeUrl('http://eu.api.capillarytech.com');
    save();
    expect(screen.getByRole('alert').textContent).toContain('Use https');
    expect(screen.getByLabelText('API base URL').getAttribute('aria-invalid')).toBe('true');
    expect(client.save).not.toHaveBeenCalled();
  });

  it('asks for a custom https host when it is saved', async () => {
    const client = renderOptions();
    typeUrl('https://auth.brand.example');
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(client.requestHost).toHaveBeenCalledWith('https://auth.brand.example');
  });

  it('does not save a custom host the agent did not allow', async () => {
    const client = renderOptions({ requestHost: vi.fn(async () => false) });
    typeUrl('https://auth.brand.example');
    save();
    expect((await screen.findByRole('alert')).textContent).toContain('not allowed to reach https://auth.brand.example');
    expect(client.save).not.toHaveBeenCalled();
  });

  it('refuses a cooldown that is not a number of seconds', () => {
    const client = renderOptions();
    fireEvent.input(screen.getByLabelText('Send OTP cooldown (seconds)'), { target: { value: 'soon' } });
    save();
    expect(screen.getByRole('alert').textContent).toContain('whole number of seconds');
    expect(client.save).not.toHaveBeenCalled();
  });

  it('exports the saved settings as a file, and imports one into the form for review, saving nothing', async () => {
    const client = renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(client.download).toHaveBeenCalledWith('mfa-desk-settings.json', expect.stringContaining('"kind": "mfa-desk-settings"'));
    const text = JSON.stringify({
      kind: 'mfa-desk-settings',
      version: 2,
      settings: { brand: 'Acme', apiBaseUrl: 'https://us.api.capillarytech.com' },
    });
    const input = screen.getByLabelText('Import settings') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([text], 'settings.json', { type: 'application/json' })] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported: review the fields and click Save.'));
    expect((screen.getByLabelText('Brand') as HTMLInputElement).value).toBe('Acme');
    expect((screen.getByLabelText('API base URL') as HTMLInputElement).value).toBe('https://us.api.capillarytech.com');
    expect(client.save).not.toHaveBeenCalled();
  });

  it('names the field a bad file got wrong', async () => {
    renderOptions();
    const text = JSON.stringify({ kind: 'mfa-desk-settings', version: 2, settings: { cooldownSeconds: 9000 } });
    fireEvent.change(screen.getByLabelText('Import settings'), { target: { files: [new File([text], 'settings.json')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not imported: A whole number of seconds from 0 to 600.'));
    expect(screen.getByLabelText('Send OTP cooldown (seconds)').getAttribute('aria-invalid')).toBe('true');
  });
});
