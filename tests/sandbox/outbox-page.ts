// The sandbox's home page: open an MFA session, run the first factor by hand, and read the OTPs it "sent", as a
// tester would on a real phone.
import type { OtpSession, SentOtp } from './auth-engine';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);

const STYLE = `<style>body{font:14px/1.4 system-ui,sans-serif;max-width:900px;margin:24px auto;padding:0 16px;color:#1d2530}
table{border-collapse:collapse;width:100%;margin-bottom:20px}td,th{border-bottom:1px solid #d5dbe3;padding:4px 6px;text-align:left}
label{display:inline-block;margin:0 12px 8px 0}input,select{font:inherit;padding:3px 6px}form{margin-bottom:12px}
textarea{width:100%;font:12px ui-monospace,monospace}</style>`;

/** The four customer fields, pre-filled with the seed documents' customer. */
const CUSTOMER_FIELDS = `<label>Identifier type <select name="identifierType"><option>MOBILE</option><option>EMAIL</option><option>USERNAME</option><option>EXTERNALID</option></select></label>
<label>Identifier value <input name="identifierValue" value="18767431754" required></label>
<label>Device ID <input name="deviceId" value="1234" required></label>
<label>Brand <input name="brand" value="Bukl" required></label>`;

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Capillary sandbox</title>${STYLE}</head><body>${body}</body></html>`;

export function outboxPage(outbox: SentOtp[], sessions: OtpSession[]): string {
  const sessionRows = sessions
    .map(
      (s) =>
        `<tr><td>${s.step}</td><td><code>${escapeHtml(s.id)}</code></td><td>${escapeHtml(`${s.identifierType} ${s.identifierValue}`)}</td><td>${escapeHtml(s.deviceId)}</td><td>${escapeHtml(s.brand)}</td><td>${time(s.createdAt)}</td></tr>`,
    )
    .join('');
  const otpRows = outbox
    .map(
      (o) =>
        `<tr><td>${time(o.at)}</td><td>${o.step}</td><td>${escapeHtml(o.to)}</td><td>${escapeHtml(o.brand)}</td><td><strong>${escapeHtml(o.otp)}</strong></td></tr>`,
    )
    .join('');
  return page(`<h1>Capillary sandbox</h1>
<p>A local imitation of Capillary's auth API: the whole login chain. In MFA Desk, leave Session ID empty and use
<strong>Send first-factor OTP</strong> (or paste an authorized token), then <strong>Send OTP</strong>; read each code
below (refresh the page) as the customer would on their phone. Nothing leaves this machine.</p>
<h2>Open an MFA session directly (skips the first factor)</h2>
<form method="post" action="/__sandbox/session">${CUSTOMER_FIELDS}<button type="submit">Open session</button></form>
<h2>Run the first factor by hand (for an authorized token)</h2>
<form method="post" action="/__sandbox/first-factor">${CUSTOMER_FIELDS}<button type="submit">1. Send first-factor OTP</button></form>
<form method="post" action="/__sandbox/first-factor/verify">${CUSTOMER_FIELDS}
<label>First-factor session ID <input name="sessionId" size="38" required></label>
<label>OTP <input name="otp" size="8" required></label><button type="submit">2. Verify, and show the token</button></form>
<h2>Recent sessions (valid 15 minutes)</h2>
<table><tr><th>Step</th><th>Session ID</th><th>Customer</th><th>Device</th><th>Brand</th><th>Opened (UTC)</th></tr>${sessionRows || '<tr><td colspan="6">None yet.</td></tr>'}</table>
<h2>SMS outbox</h2>
<table><tr><th>Sent (UTC)</th><th>Step</th><th>To</th><th>Brand</th><th>OTP</th></tr>${otpRows || '<tr><td colspan="5">Nothing sent yet.</td></tr>'}</table>`);
}

/** The answer to a first factor verified by hand: the USER token to paste into "Authorized token", or the failure. */
export function firstFactorTokenPage(reply: unknown): string {
  const { status, auth } = reply as { status: { code: number; message: string }; auth?: { token: string } };
  if (!auth) return page(`<h1>Not verified</h1><p>${status.code} ${escapeHtml(status.message)}</p><p><a href="/">Back</a></p>`);
  return page(`<h1>First factor verified</h1>
<p>The customer's USER token: paste it into MFA Desk's <strong>Authorized token</strong> and click <strong>Start MFA session</strong>.
It is valid for an hour.</p>
<label for="token">Authorized token</label><textarea id="token" rows="6" readonly>${escapeHtml(auth.token)}</textarea>
<p><a href="/">Back</a></p>`);
}
