// The size budgets, in bytes of gzip -9 (1 kB = 1,000 bytes, as the brief counts them): what each page loads before it
// is ready. One list for the size check (`npm run size:check`), the build spec and the bench.
export const BUDGETS = [
  { name: 'popup', page: 'popup.html', bytes: 20_000 },
  { name: 'background', page: 'background', bytes: 25_000 },
  { name: 'side panel', page: 'sidepanel.html', bytes: 35_000 },
] as const;
