import { render } from 'preact';
import { browser } from 'wxt/browser';
import { hostPattern, mayReach } from '@/lib/platform/host-access';
import { saveSettings } from '@/lib/platform/settings/save';
import { loadSettings } from '@/lib/platform/settings/stored';
import { App, type OptionsClient } from './App';
import '@/components/common/base.css';
import '@/components/options/options.css';
import { applyPageLanguage } from '@/lib/words/page';

applyPageLanguage('settingsTitle');

const client: OptionsClient = {
  save: saveSettings,
  requestHosts: (origins) => browser.permissions.request({ origins: origins.map(hostPattern) }),
  async missingHosts(origins) {
    const reachable = await Promise.all(origins.map((origin) => mayReach(origin)));
    return origins.filter((_, index) => !reachable[index]);
  },
  download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    Object.assign(document.createElement('a'), { href: url, download: filename }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

loadSettings().then(({ own, managed, notice }) => {
  render(<App initial={own} managed={managed} notice={notice} client={client} />, document.getElementById('app')!);
});
