// The sandbox's home page: open an MFA session, and read the OTPs it "sent", as a tester would on a real phone.
import type { SentOtp } from './server';

interface SessionRow {
  id: string;
  identifierType: string;
  identifierValue: string;
  deviceId: string;
  brand: string;
  createdAt: number;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export function outboxPage(outbox: SentOtp[], sessions: SessionRow[]): string {
  const sessionRows = sessions
    .map(
      (s) =>
        `<tr><td><code>${escapeHtml(s.id)}</code></td><td>${escapeHtml(`${s.identifierType} ${s.identifierValue}`)}</td><td>${escapeHtml(s.deviceId)}</td><td>${escapeHtml(s.brand)}</td><td>${time(s.createdAt)}</td></tr>`,
    )
    .join('');
  const otpRows = outbox
    .map(
      (o) =>
        `<tr><td>${time(o.at)}</td><td>${escapeHtml(o.to)}</td><td>${escapeHtml(o.brand)}</td><td><strong>${escapeHtml(o.otp)}</strong></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Capillary sandbox</title>
<style>body{font:14px/1.4 system-ui,sans-serif;max-width:860px;margin:24px auto;padding:0 16px;color:#1d2530}
table{border-collapse:collapse;width:100%;margin-bottom:20px}td,th{border-bottom:1px solid #d5dbe3;padding:4px 6px;text-align:left}
label{display:inline-block;margin:0 12px 8px 0}input,select{font:inherit;padding:3px 6px}</style></head><body>
<h1>Capillary sandbox</h1>
<p>A local imitation of Capillary's MFA auth API. Open an MFA session here, copy its session ID into MFA Desk, send an OTP,
and read the code below (refresh the page) as the customer would on their phone. Nothing leaves this machine.</p>
<h2>Open an MFA session</h2>
<form method="post" action="/__sandbox/session">
<label>Identifier type <select name="identifierType"><option>MOBILE</option><option>EMAIL</option><option>USERNAME</option><option>EXTERNALID</option></select></label>
<label>Identifier value <input name="identifierValue" value="18767431754" required></label>
<label>Device ID <input name="deviceId" value="1234" required></label>
<label>Brand <input name="brand" value="Bukl" required></label>
<button type="submit">Open session</button></form>
<h2>Recent sessions (valid 15 minutes)</h2>
<table><tr><th>Session ID</th><th>Customer</th><th>Device</th><th>Brand</th><th>Opened (UTC)</th></tr>${sessionRows || '<tr><td colspan="5">None yet.</td></tr>'}</table>
<h2>SMS outbox</h2>
<table><tr><th>Sent (UTC)</th><th>To</th><th>Brand</th><th>OTP</th></tr>${otpRows || '<tr><td colspan="4">Nothing sent yet.</td></tr>'}</table>
</body></html>`;
}
