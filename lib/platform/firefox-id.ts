/** The add-on's stable ID on addons.mozilla.org (manifest `browser_specific_settings.gecko.id`). */
export const FIREFOX_ID = 'mfa-desk@support-desk';
