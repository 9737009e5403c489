import { render } from 'preact';
import { browser } from 'wxt/browser';
import { dropOtherHosts } from '@/lib/platform/host-access';
import { loadSettings, settingsItem } from '@/lib/settings/stored';
import { App, type OptionsClient } from './App';
import '@/components/desk.css';
import { applyPageLanguage } from '@/lib/i18n/page';

applyPageLanguage();

const client: OptionsClient = {
  async save(settings) {
    await settingsItem.set(settings);
    await dropOtherHosts(settings.apiBaseUrl);
  },
  requestHost: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
  download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    Object.assign(document.createElement('a'), { href: url, download: filename }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

loadSettings().then(({ settings, notice }) => {
  render(<App initial={settings} notice={notice} client={client} />, document.getElementById('app')!);
});
