// Issue 14: axe-core inside the webview frames of the real workbench, on each
// page the extension shows, in the light, dark and high-contrast themes. A
// serious or critical violation fails the test; every count is printed.
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, waitUntil, type AxeViolation, type Workbench } from './workbench';

const THEMES = ['Light Modern', 'Dark Modern', 'Light High Contrast', 'Dark High Contrast'] as const;
/** Every entry of the bundled index, by the name its page shows. */
const ENTRIES = [
  'Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures',
  'The Path to Open-Sourcing the DeepSeek Inference Engine',
  'FlashMLA',
  'DeepEP',
  'DeepGEMM',
  'DualPipe',
  'EPLB',
  'profile-data',
  '3FS',
  'smallpond',
  'DeepSeek-V3/R1 Inference System Overview',
  'Fire-Flyer AI-HPC: A Cost-Effective Software-Hardware Co-Design for Deep Learning',
];

function summarise(page: string, theme: string, violations: readonly AxeViolation[]): AxeViolation[] {
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const counts = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}`).join('; ') || 'none';
  console.log(`axe, ${page}, ${theme}: ${blocking.length} serious or critical rule(s); all: ${counts}`);
  return blocking;
}

/** The ring drawn around the element that has focus in the visible webview, and its contrast with what is behind it. */
interface FocusRing {
  readonly name: string;
  /** How the ring is drawn: "outline", "stroke" (a chart mark's rectangle) or "none". */
  readonly drawn: 'outline' | 'stroke' | 'none';
  readonly width: number;
  /** The ring's colour against the background behind the element (WCAG's non-text contrast asks for 3:1). */
  readonly contrast: number;
}

/** The focus ring in the visible webview; undefined once focus has left the page. */
function focusRing(wb: Workbench): Promise<FocusRing | undefined> {
  return wb
    .webviewFrame()
    .locator(':root')
    .evaluate((): FocusRing | undefined => {
      type Rgba = { r: number; g: number; b: number; a: number };
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return undefined;
      const rgba = (css: string): Rgba | undefined => {
        const m = /rgba?\(([^)]*)\)/.exec(css);
        if (!m) return undefined;
        const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return { r, g, b, a };
      };
      const luminance = ({ r, g, b }: Rgba) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      // What the ring's pixels show when the element is not focused: an outline is drawn outside the
      // element's border, and a chart mark's stroke around its row, so the nearest opaque background
      // of an ancestor (else the editor's, which the page sits on).
      let background: Rgba | undefined;
      for (let n: Element | null = el.parentElement; n && !background; n = n.parentElement) {
        const c = rgba(getComputedStyle(n).backgroundColor);
        if (c && c.a >= 0.5) background = c;
      }
      if (!background) {
        const probe = document.createElement('div');
        probe.style.background = 'var(--vscode-editor-background)';
        document.body.append(probe);
        background = rgba(getComputedStyle(probe).backgroundColor);
        probe.remove();
      }
      const style = getComputedStyle(el);
      const hit = el instanceof SVGElement ? el.querySelector('.bar-hit, .mark-hit') : null;
      const ring =
        hit && getComputedStyle(hit).stroke !== 'none'
          ? { drawn: 'stroke' as const, color: getComputedStyle(hit).stroke, width: parseFloat(getComputedStyle(hit).strokeWidth) }
          : style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
            ? { drawn: 'outline' as const, color: style.outlineColor, width: parseFloat(style.outlineWidth) }
            : { drawn: 'none' as const, color: '', width: 0 };
      const color = rgba(ring.color);
      const [hi, lo] = color && background ? [luminance(color), luminance(background)].sort((x, y) => y - x) : [0, 0];
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? el.tagName;
      return { name, drawn: ring.drawn, width: ring.width, contrast: color ? (hi + 0.05) / (lo + 0.05) : 0 };
    });
}

/**
 * Tabs through the page in front from its top, until focus leaves it, and
 * returns the ring at every stop.
 */
async function tabThrough(wb: Workbench, limit = 120): Promise<FocusRing[]> {
  await wb.runCommand('View: Focus Active Editor Group');
  const rings: FocusRing[] = [];
  for (let i = 0; i < limit; i++) {
    await wb.page.keyboard.press('Tab');
    const ring = await focusRing(wb).catch(() => undefined);
    if (!ring) break;
    rings.push(ring);
  }
  return rings;
}

/** The stops whose ring is missing, thinner than 1px, or under 3:1 against its background; prints the counts. */
function weakRings(page: string, theme: string, rings: readonly FocusRing[]): string[] {
  const lowest = Math.min(...rings.map((r) => r.contrast));
  console.log(`focus ring, ${page}, ${theme}: ${rings.length} stops, lowest contrast ${lowest.toFixed(2)}:1`);
  return rings.filter((r) => r.drawn === 'none' || r.width < 1 || r.contrast < 3).map((r) => `${page}: "${r.name}" ${r.drawn} ${r.width}px ${r.contrast.toFixed(2)}:1`);
}

function detail(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`).join('\n')}`).join('\n');
}

describe('accessibility: axe-core in the webviews, per page and theme', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => wb?.close());

  for (const theme of THEMES) {
    test(`every entry panel and Compare Figures in ${theme}`, { timeout: 300_000 }, async () => {
      await wb.setColorTheme(theme);
      await wb.runCommand('View: Close All Editors');
      const panel: AxeViolation[] = [];
      for (const name of ENTRIES) {
        await wb.findEntry(name, name);
        panel.push(...summarise(`${name} panel`, theme, await wb.axe()));
      }
      await wb.runCommand('Infra Index: Compare Figures');
      await wb.waitForActiveTab('Compare Figures');
      await waitUntil('the charts', async () => (await wb.webviewFrame().locator('svg g.bar').count()) > 3);
      const compare = summarise('Compare view', theme, await wb.axe());
      assert.deepEqual([...panel, ...compare].map((v) => v.id), [], detail([...panel, ...compare]));
      // A visible focus ring at every stop, in this theme too: Compare's, then an entry page's.
      const compareRings = await tabThrough(wb);
      await wb.findEntry('FlashMLA', 'FlashMLA');
      const entryRings = await tabThrough(wb);
      assert.ok(compareRings.length > 20 && entryRings.length > 10, `stops: Compare ${compareRings.length}, FlashMLA ${entryRings.length}`);
      assert.deepEqual([...weakRings('Compare view', theme, compareRings), ...weakRings('FlashMLA panel', theme, entryRings)], []);
    });
  }
});

describe('accessibility: by keyboard alone', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => wb?.close());

  /** What has focus inside the visible webview: its tag, name and whether a focus ring is drawn. */
  async function focused(): Promise<{ tag: string; name: string; ring: boolean }> {
    return wb.webviewFrame().locator(':root').evaluate(() => {
      const el = document.activeElement;
      const style = el ? getComputedStyle(el) : undefined;
      const ring = !!style && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
      return { tag: el?.tagName.toLowerCase() ?? '', name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '', ring };
    });
  }

  test('open an entry, move through its figures and open its repository, keys only', { timeout: 180_000 }, async () => {
    // F1, a command, then typing: the palette is the keyboard's way in.
    await wb.runCommandAndType('Infra Index: Find Entry…', 'FlashMLA');
    await waitUntil('FlashMLA first', async () => (await wb.page.locator('.quick-input-list .monaco-list-row').first().innerText().catch(() => '')).includes('FlashMLA'));
    await wb.page.keyboard.press('Enter');
    await wb.waitForActiveTab('FlashMLA');
    await waitUntil('the page', async () => (await wb.webviewFrame().locator('h1').innerText().catch(() => '')).trim() === 'FlashMLA');
    // Into the page (by command, as a keyboard user does), then Tab from control to control:
    // the figures' Copy buttons come one after another.
    await wb.runCommand('View: Focus Active Editor Group');
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await wb.page.keyboard.press('Tab');
      const f = await focused();
      assert.ok(f.ring, `a focus ring on ${f.tag} "${f.name}"`);
      seen.push(f.name);
    }
    assert.ok(seen.some((n) => /^Open Repository/.test(n)), seen.join('\n'));
    assert.ok(seen.filter((n) => /^Copy .* with its source$/.test(n)).length >= 3, `moves through the figures:\n${seen.join('\n')}`);
    // Back to Open Repository, and Enter: VS Code asks before it opens the site.
    for (let i = 0; i < 20 && !/^Open Repository/.test((await focused()).name); i++) await wb.page.keyboard.press('Shift+Tab');
    assert.match((await focused()).name, /^Open Repository/);
    await wb.page.keyboard.press('Enter');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await waitUntil('VS Code’s question before opening the site', async () => (await dialog.innerText().catch(() => '')).includes('github.com/deepseek-ai/FlashMLA'));
    await wb.page.keyboard.press('Escape');
  });

  test('in Compare Figures the arrow keys move between a chart’s marks', { timeout: 120_000 }, async () => {
    await wb.runCommand('Infra Index: Compare Figures');
    await wb.waitForActiveTab('Compare Figures');
    const frame = wb.webviewFrame();
    await waitUntil('bars', async () => (await frame.locator('svg g.bar').count()) > 3);
    // The first chart mark, reached with Tab from the top of the page.
    await wb.runCommand('View: Focus Active Editor Group');
    for (let i = 0; i < 40 && !(await focused()).name.startsWith('Open '); i++) await wb.page.keyboard.press('Tab');
    /** The names of the marks in the chart that holds the focus, in order. */
    const marks = () =>
      frame.locator(':root').evaluate(() => {
        const svg = document.activeElement?.closest('svg');
        return Array.from(svg?.querySelectorAll('[role="button"]') ?? []).map((m) => m.getAttribute('aria-label') ?? '');
      });
    const names = await marks();
    assert.ok(names.length > 2, names.join('\n'));
    assert.equal((await focused()).name, names[0]);
    await wb.page.keyboard.press('ArrowDown');
    assert.equal((await focused()).name, names[1]);
    await wb.page.keyboard.press('ArrowUp');
    assert.equal((await focused()).name, names[0]);
    await wb.page.keyboard.press('End');
    assert.equal((await focused()).name, names[names.length - 1]);
    await wb.page.keyboard.press('Home');
    assert.equal((await focused()).name, names[0]);
  });
});
