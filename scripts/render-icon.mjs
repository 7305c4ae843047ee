// Renders docs/icon.svg to media/icon.png (128×128, transparent corners), the
// marketplace icon, with Debian's Chromium. Run after editing the SVG:
// node scripts/render-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './code-server.mjs';

const svg = readFileSync('docs/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'media/icon.png', omitBackground: true });
  console.log('media/icon.png written');
} finally {
  await browser.close();
}
