import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type OptionsClient } from '@/entrypoints/options/App';
import { type Managed, readManaged } from '@/lib/model/settings/managed';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings/settings';

function renderOptions(
  client: Partial<OptionsClient> = {},
  { initial = DEFAULT_SETTINGS, managed }: { initial?: Settings; managed?: Managed } = {},
) {
  const full: OptionsClient = {
    save: vi.fn(async () => {}),
    requestHosts: vi.fn(async () => true),
    missingHosts: vi.fn(async () => []),
    download: vi.fn(),
    ...client,
  };
  render(<App initial={initial} managed={managed} client={full} />);
  return full;
}

const typeUrl = (url: string) => fireEvent.input(screen.getByLabelText('API base URL'), { target: { value: url } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('the options page', () => {
  afterEach(cleanup);

  it('offers the five clusters as presets', () => {
    renderOptions();
    const options = [...(screen.getByLabelText('Cluster') as HTMLSelectElement).options];
    expect(options.map((option) => option.textContent)).toEqual(['EU', 'India', 'APAC2', 'US', 'China', 'Custom URL']);
    // Codes as values, words as labels: what the form keeps does not depend on the agent's language.
    expect(options.map((option) => option.value)).toEqual(['EU', 'India', 'APAC2', 'US', 'China', 'custom']);
    fireEvent.change(screen.getByLabelText('Cluster'), { target: { value: 'APAC2' } });
    expect((screen.getByLabelText('API base URL') as HTMLInputElement).value).toBe('https://apac2.api.capillarytech.com');
  });

  it('saves a cluster, asking again for its host so a withheld one can be granted from Save', async () => {
    const client = renderOptions();
    fireEvent.change(screen.getByLabelText('Cluster'), { target: { value: 'US' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(client.save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' });
    expect(client.requestHosts).toHaveBeenCalledWith(['https://us.api.capillarytech.com']);
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
    expect(client.requestHosts).toHaveBeenCalledWith(['https://auth.brand.example']);
  });

  it('does not save a custom host the agent did not allow', async () => {
    const client = renderOptions({ requestHosts: vi.fn(async () => false) });
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

  it('after an import, lists the calls that would go to another host and saves only once the agent confirms', async () => {
    const client = renderOptions({}, { initial: { ...DEFAULT_SETTINGS, brands: [{ brand: 'Bukl' }] } });
    const text = JSON.stringify({
      kind: 'mfa-desk-settings',
      version: 3,
      settings: { brands: [{ brand: 'Bukl', apiBaseUrl: 'https://collector.example' }, { brand: 'Nomad' }] },
    });
    fireEvent.change(screen.getByLabelText('Import settings'), { target: { files: [new File([text], 'settings.json')] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported: review the fields and click Save.'));
    save();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Calls would go to other hosts than now');
    expect(alert.textContent).toContain('Customers of Bukl: eu.api.capillarytech.com → collector.example');
    expect(alert.textContent).not.toContain('Nomad');
    expect(client.save).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(client.save).toHaveBeenCalledOnce());
    expect(client.requestHosts).toHaveBeenCalledWith(['https://eu.api.capillarytech.com', 'https://collector.example']);
  });

  it('refuses a file over 64 kB without reading it', async () => {
    const client = renderOptions();
    const huge = new File(['x'.repeat(64_001)], 'settings.json');
    const read = vi.spyOn(huge, 'text');
    fireEvent.change(screen.getByLabelText('Import settings'), { target: { files: [huge] } });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Not imported: The file takes 64001 bytes; a settings file is never larger than 64000, so it was not read.',
      ),
    );
    expect(read).not.toHaveBeenCalled();
    expect(client.save).not.toHaveBeenCalled();
  });

  it('names the field a bad file got wrong', async () => {
    renderOptions();
    const text = JSON.stringify({ kind: 'mfa-desk-settings', version: 2, settings: { cooldownSeconds: 9000 } });
    fireEvent.change(screen.getByLabelText('Import settings'), { target: { files: [new File([text], 'settings.json')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not imported: A whole number of seconds from 0 to 600.'));
    expect(screen.getByLabelText('Send OTP cooldown (seconds)').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a brand list: each brand with its cluster, asking for every https host calls may go to', async () => {
    const client = renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Add brand' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add brand' }));
    const first = screen.getByRole('group', { name: 'Brand 1' });
    fireEvent.input(within(first).getByLabelText('Brand name'), { target: { value: 'Bukl' } });
    fireEvent.change(within(first).getByLabelText('Cluster'), { target: { value: 'India' } });
    const second = screen.getByRole('group', { name: 'Brand 2' });
    fireEvent.input(within(second).getByLabelText('Brand name'), { target: { value: 'Acme' } });
    fireEvent.change(within(second).getByLabelText('Cluster'), { target: { value: 'custom' } });
    fireEvent.input(within(second).getByLabelText('API base URL'), { target: { value: 'https://auth.acme.example/' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    const brands = [
      { brand: 'Bukl', apiBaseUrl: 'https://apac.api.capillarytech.com' },
      { brand: 'Acme', apiBaseUrl: 'https://auth.acme.example' },
    ];
    const origins = [DEFAULT_SETTINGS.apiBaseUrl, 'https://apac.api.capillarytech.com', 'https://auth.acme.example'];
    expect(client.requestHosts).toHaveBeenCalledWith(origins);
    expect(client.save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, brands });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Bukl' }));
    expect(screen.getAllByRole('group', { name: /^Brand \d/ })).toHaveLength(1);
  });

  it('names what is wrong on the brand list next to the entry, and saves nothing', () => {
    const client = renderOptions({}, { initial: { ...DEFAULT_SETTINGS, brands: [{ brand: 'Bukl' }] } });
    fireEvent.click(screen.getByRole('button', { name: 'Add brand' }));
    fireEvent.input(within(screen.getByRole('group', { name: 'Brand 2' })).getByLabelText('Brand name'), { target: { value: 'BUKL' } });
    save();
    expect(screen.getByRole('alert').textContent).toBe('Not saved: “BUKL” is already on the list.');
    expect(
      within(screen.getByRole('group', { name: 'Brand 2' }))
        .getByLabelText('Brand name')
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(client.save).not.toHaveBeenCalled();
  });

  it('shows what the organisation sets, greyed out, and keeps the agent’s own value for it when saving', async () => {
    const mine = { ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com', deviceId: 'desk-7' };
    const managed = readManaged({ apiBaseUrl: 'https://apac.api.capillarytech.com', brand: 'Bukl' });
    const client = renderOptions({}, { initial: mine, managed });
    expect(screen.getByText(/Your organisation sets some of these settings/)).toBeTruthy();
    const url = screen.getByLabelText('API base URL') as HTMLInputElement;
    expect([url.value, url.disabled]).toEqual(['https://apac.api.capillarytech.com', true]);
    expect(screen.getByLabelText('API base URL').getAttribute('aria-describedby')).toBe('api-base-url-hint');
    expect(document.getElementById('api-base-url-hint')!.textContent).toBe('Set by your organisation');
    expect((screen.getByLabelText('Cluster') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText('Brand') as HTMLInputElement).disabled).toBe(true);
    const device = screen.getByLabelText('Device ID') as HTMLInputElement;
    expect(device.disabled).toBe(false);
    fireEvent.input(device, { target: { value: 'desk-8' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(client.save).toHaveBeenCalledWith({ ...mine, deviceId: 'desk-8' });
  });

  it('changes nothing when the organisation locks the settings, and says so', () => {
    renderOptions({}, { managed: readManaged({ apiBaseUrl: 'https://apac.api.capillarytech.com', lockSettings: true }) });
    expect(screen.getByText('Your organisation has locked these settings: they cannot be changed here.')).toBeTruthy();
    for (const label of ['API base URL', 'Brand', 'Device ID', 'Send OTP cooldown (seconds)']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled).toBe(true);
    }
    expect(document.getElementById('default-brand-hint')!.textContent).toBe('Locked by your organisation');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add brand' })).toBeNull();
    expect(screen.queryByLabelText('Import settings')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export settings' })).toBeTruthy();
  });

  it('names each policy value it does not use, and why', () => {
    renderOptions({}, { managed: readManaged({ apiBaseUrl: 'http://plain.example', cooldownSeconds: 9000 }) });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your organisation’s policy has values MFA Desk cannot use');
    expect(alert.textContent).toContain('API base URL ("http://plain.example") is not used: Use https');
    expect(alert.textContent).toContain('Send OTP cooldown (9000) is not used: A whole number of seconds from 0 to 600.');
    // Not used, so the agent's own values stay editable.
    expect((screen.getByLabelText('API base URL') as HTMLInputElement).disabled).toBe(false);
  });

  it('offers to allow a host calls go to that the browser does not let it reach yet', async () => {
    let missing = ['https://auth.acme.example'];
    const client = renderOptions(
      {
        missingHosts: vi.fn(async () => missing),
        requestHosts: vi.fn(async () => {
          missing = [];
          return true;
        }),
      },
      { managed: readManaged({ apiBaseUrl: 'https://auth.acme.example', lockSettings: true }) },
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The browser does not let MFA Desk reach https://auth.acme.example yet.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(client.requestHosts).toHaveBeenCalledWith(['https://auth.acme.example']);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
