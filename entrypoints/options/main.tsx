import { render } from 'preact';
import { browser } from 'wxt/browser';
import { settingsItem } from '@/lib/storage/items';
import { App, type OptionsClient } from './App';
import '@/components/desk.css';

const client: OptionsClient = {
  save: (settings) => settingsItem.set(settings),
  requestHost: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
};

settingsItem.get().then((settings) => {
  render(<App initial={settings} client={client} />, document.getElementById('app')!);
});
