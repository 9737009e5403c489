// The popup and the side panel in the browser's language (words, direction, title): Arabic right to left, and
// Simplified Chinese.
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';
import { launchExtension } from './launch';

const cases = [
  {
    lang: 'ar',
    dir: 'rtl',
    identifierType: 'نوع المعرّف',
    send: 'إرسال OTP',
    // A first start (no settings saved): the popup asks which cluster, where the band will be.
    clusterQuestion: 'على أي مجموعة خوادم Capillary توجد علاماتك التجارية؟',
    band: 'تُرسل الطلبات إلى',
    summary: 'الملخص',
    session: 'الجلسة',
    panelTitle: 'اللوحة الجانبية لـ MFA Desk',
  },
  {
    lang: 'zh-CN',
    dir: 'ltr',
    identifierType: '标识类型',
    send: '发送验证码',
    clusterQuestion: '您的品牌位于哪个 Capillary 集群？',
    band: '请求发送至',
    summary: '概要',
    session: '会话',
    panelTitle: 'MFA Desk 侧边栏',
  },
] as const;

for (const expected of cases) {
  test(`in ${expected.lang} the popup and the side panel speak it, ${expected.dir}`, async () => {
    const chromium = await launchExtension(EXTENSION_DIR, { lang: expected.lang });
    try {
      const { context, id } = chromium;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      // A browser just started: its policy store can take seconds to answer the first read the popup makes.
      await expect(page.getByLabel(expected.identifierType, { exact: true })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('button', { name: expected.send, exact: true })).toBeVisible();
      await expect(page.getByText(expected.clusterQuestion)).toBeVisible();
      await page.locator('.cluster-choice button[type="submit"]').click();
      await expect(page.getByText(expected.band)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(expected.dir);
      // Typed values (and placeholders like "P-…") take their own direction, not the page's.
      expect(await page.locator('#session-id').evaluate((field) => getComputedStyle(field).direction)).toBe('ltr');
      // Capillary's identifier types stay as Capillary spells them.
      await expect(page.getByLabel(expected.identifierType, { exact: true })).toHaveValue('MOBILE');

      await page.goto(`chrome-extension://${id}/sidepanel.html`);
      await expect(page.getByRole('region', { name: expected.summary })).toBeVisible();
      await expect(page.getByRole('heading', { name: expected.session, exact: true })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(expected.dir);
      await expect(page).toHaveTitle(expected.panelTitle);
      // Nothing scrolls sideways in either direction at the panel's width.
      await page.setViewportSize({ width: 360, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    } finally {
      await chromium.close();
    }
  });
}
