// `npm run sandbox`: the sandbox alone, for a browser elsewhere on this machine. It answers the builds of this folder
// (`npm run build`, `npm start`) in Chromium, Firefox as the tests launch it, and SANDBOX_EXTENSIONS.
import { resolve } from 'node:path';
import { chromeOrigin, FIREFOX_ORIGIN, originsFromEnv } from './extension-origins';
import { startSandbox } from './server';

const port = Number(process.env.SANDBOX_PORT ?? 8787);
const extensions = [chromeOrigin(resolve('.output/chrome-mv3')), chromeOrigin(resolve('.output/sandbox/chrome-mv3')), FIREFOX_ORIGIN];
const sandbox = await startSandbox({
  port,
  host: process.env.SANDBOX_HOST ?? '127.0.0.1',
  extensions: [...extensions, ...originsFromEnv()],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
console.log(`Capillary sandbox at ${sandbox.url} (open it to mint MFA session IDs and read OTPs). Ctrl+C stops it.`);
