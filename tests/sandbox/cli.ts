// `npm run sandbox`: the sandbox alone, for a browser elsewhere.
import { startSandbox } from './server';

const port = Number(process.env.SANDBOX_PORT ?? 8787);
const sandbox = await startSandbox({ port, host: process.env.SANDBOX_HOST ?? '127.0.0.1' });
console.log(`Capillary sandbox at ${sandbox.url} (open it to mint MFA session IDs and read OTPs). Ctrl+C stops it.`);
