// Shared helper of the UI tests: a test VS Code (code-server; VSCODE_TEST_VERSION picks which) with the
// extension under development loaded, opened in headless Chromium and driven
// through playwright as a person would. The server and browser plumbing lives
// in scripts/code-server.mjs (shared with the integration tests and
// `npm start`), loaded here with import() since it is an ES module; it also
// stops both when this process exits or is interrupted.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';

interface CodeServer {
  port: number;
  /** Where the URL's payload loads the extension under development from; undefined where it is linked in as installed. */
  extensionDevelopmentPath?: string;
  extensionsDir: string;
  origin: string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

interface CodeServerHelpers {
  startCodeServer(options: { settings?: Record<string, unknown>; install?: string[]; develop?: string }): Promise<CodeServer>;
  workbenchUrl(options: { port: number; folder?: string; extensionDevelopmentPath?: string }): string;
  launchChromium(options: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }>;
  tempDir(prefix: string): { dir: string };
}

/** One axe-core rule the page breaks, with the elements that break it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact?: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: unknown; readonly failureSummary?: string }[];
}

export interface WorkbenchOptions {
  /** Browser viewport; 1400x900 by default. */
  viewport?: { width: number; height: number };
  /** Extra VS Code user settings, e.g. { 'workbench.colorTheme': 'Default Light Modern' }. */
  settings?: Record<string, unknown>;
  /** Workspace folder to open; an empty temporary folder by default. */
  folder?: string;
  /**
   * A packaged .vsix to install into the fresh profile and use, as a user would,
   * instead of loading the extension from this checkout.
   */
  vsix?: string;
  /** Further .vsix files to install beside it (the bench's hello-world extension). */
  alsoInstall?: readonly string[];
}

/** The repository root: the folder above this file (source or compiled) that holds scripts/code-server.mjs. */
function findRepoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'scripts', 'code-server.mjs'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`scripts/code-server.mjs not found above ${__dirname}`);
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();
const VIEW_CONTAINER_TITLE = 'Open Infra Index';
const TREE_ROW = '.part.sidebar .monaco-list-row[role="treeitem"]';

/** Matches exactly this text, give or take surrounding white space. */
function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Polls `check` until it returns true (or throws the last error after `timeoutMs`). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export class Workbench {
  private closed = false;

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly server: CodeServer,
    readonly url: string,
    private readonly closeBrowser: () => Promise<void>,
  ) {}

  /** Starts code-server with the extension loaded and opens the workbench at the given viewport. */
  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const helpers = (await import(pathToFileURL(join(repoRoot, 'scripts', 'code-server.mjs')).href)) as CodeServerHelpers;
    const install = [...(options.vsix ? [options.vsix] : []), ...(options.alsoInstall ?? [])];
    const server = await helpers.startCodeServer({ settings: options.settings, install, develop: options.vsix ? undefined : repoRoot });
    let browser: Awaited<ReturnType<CodeServerHelpers['launchChromium']>> | undefined;
    try {
      browser = await helpers.launchChromium({ viewport: options.viewport ?? { width: 1400, height: 900 } });
      const folder = options.folder ?? helpers.tempDir('oii-ui-workspace-').dir;
      const url = helpers.workbenchUrl({ port: server.port, folder, extensionDevelopmentPath: server.extensionDevelopmentPath });
      await browser.page.goto(url, { waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      return new Workbench(browser.page, browser.context, server, url, browser.close);
    } catch (err) {
      await browser?.close();
      const tail = server.logTail(20);
      await server.stop();
      if (err instanceof Error && tail) err.message += `\n--- code-server log ---\n${tail}`;
      throw err;
    }
  }

  /** The activity-bar icon of the extension's view container. */
  get activityBarIcon(): Locator {
    // A prefix match: the label gains " (<keybinding>)" if the container gets one.
    return this.page.locator(`.activitybar .action-item a[aria-label^="${VIEW_CONTAINER_TITLE}"]`);
  }

  /** True when the extension's view container is the one shown in the side bar. */
  async isViewOpen(): Promise<boolean> {
    return (await this.page.locator(`.activitybar .action-item.checked a[aria-label^="${VIEW_CONTAINER_TITLE}"]`).count()) > 0;
  }

  /** Opens the extension's view container (a no-op when it is already open). */
  async openView(timeoutMs = 30_000): Promise<void> {
    const icon = this.activityBarIcon;
    await icon.waitFor({ state: 'visible', timeout: timeoutMs });
    // Clicking the icon of the open container would close it.
    if (!(await this.isViewOpen())) await icon.click();
    await this.page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Tree rows of the side bar. */
  get rows(): Locator {
    return this.page.locator(TREE_ROW);
  }

  /** The row whose label is exactly `label`. */
  row(label: string): Locator {
    return this.rows.filter({ has: this.page.locator('.label-name', { hasText: exactText(label) }) }).first();
  }

  /** An entry's row: a leaf, not a group (a period such as a post may carry its entry's name). */
  entryRow(label: string): Locator {
    return this.page.locator(`${TREE_ROW}:not([aria-expanded])`).filter({ has: this.page.locator('.label-name', { hasText: exactText(label) }) }).first();
  }

  /** The row whose text (label or description) contains `text`. */
  rowContaining(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text }).first();
  }

  /** The texts of the side bar's tree rows, top to bottom: "label description". */
  async treeRows(): Promise<string[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => {
        const parts = Array.from(row.querySelectorAll('.label-name, .label-description'), (el) => (el.textContent ?? '').trim());
        const text = parts.filter(Boolean).join(' ') || (row.textContent ?? '');
        return text.replace(/\s+/g, ' ').trim();
      }),
    );
  }

  /** The labels of the side bar's tree rows, top to bottom. */
  async treeLabels(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => (row.querySelector('.label-name')?.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  /** Waits until the side bar's tree shows at least `count` rows. */
  async waitForRows(count = 1, timeoutMs = 30_000): Promise<void> {
    await waitUntil(`${count} tree row(s)`, async () => (await this.rows.count()) >= count, timeoutMs);
  }

  /** Expands every collapsed row (groups), including ones revealed by expanding. */
  async expandAll(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const collapsed = this.page.locator(`${TREE_ROW}[aria-expanded="false"]`);
      if ((await collapsed.count()) === 0) return;
      if (Date.now() > deadline) throw new Error('timed out expanding the tree');
      await collapsed.first().click();
      await this.page.waitForTimeout(150);
    }
  }

  /** Opens an entry from the tree, as a user clicks it; resolves to its page's text. */
  async openEntryFromTree(name: string): Promise<string> {
    await this.openView();
    await this.expandAll();
    await this.entryRow(name).click();
    await this.waitForActiveTab(name);
    const body = this.webviewFrame().locator('body');
    let text = '';
    await waitUntil(`the ${name} page`, async () => {
      text = await body.innerText({ timeout: 2_000 }).catch(() => '');
      return text.includes(name);
    });
    return text;
  }

  /** Runs Find Entry…, types `query`, waits until `name` is the first match, presses Enter and waits for its page. */
  async findEntry(query: string, name: string): Promise<void> {
    await this.runCommandAndType('Infra Index: Find Entry…', query);
    const first = this.page.locator('.quick-input-list .monaco-list-row').first();
    await waitUntil(`${name} as the first match`, async () => (await first.innerText().catch(() => '')).includes(name));
    await this.page.keyboard.press('Enter');
    await this.waitForActiveTab(name);
    await waitUntil(`the ${name} page`, async () => (await this.webviewFrame().locator('h1').innerText().catch(() => '')).trim() === name);
  }

  /** Shows an output channel through "Output: Show Output Channels..." and resolves to its text once it contains `expected`. */
  async outputChannelText(channel: string, expected: string | RegExp): Promise<string> {
    await this.runCommandAndType('Output: Show Output Channels...', channel);
    await this.page.keyboard.press('Enter');
    const lines = this.page.locator('.part.panel .monaco-editor .view-lines');
    let text = '';
    await waitUntil(`the ${channel} output to show ${expected}`, async () => {
      text = (await lines.first().innerText({ timeout: 2_000 }).catch(() => '')).replace(/\u00a0/g, ' ');
      return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    });
    return text;
  }

  /** The active tab of the active editor group (each group has an active tab). */
  get activeTab(): Locator {
    return this.page.locator('.editor-group-container.active .tabs-container .tab.active');
  }

  /**
   * Waits until the active editor tab is `name` (the tab model updates asynchronously). VS Code 1.139 sets
   * a file's extension apart in its tab ("decode\n.py" as innerText): line breaks in the label are dropped.
   */
  async waitForActiveTab(name: string, timeoutMs = 30_000): Promise<void> {
    await waitUntil(`the ${name} tab in front`, async () => (await this.activeTab.innerText().catch(() => '')).replace(/\n/g, '').trim() === name, timeoutMs);
  }

  /** The input of the quick pick or input box on screen. */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget input');
  }

  /**
   * Runs a command that opens a quick pick or input box, and types `text` into it. A
   * webview still loading can take focus and close the quick input: then it tries again.
   */
  async runCommandAndType(title: string, text: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.runCommand(title);
      try {
        await this.quickInput.waitFor({ state: 'visible', timeout: 10_000 });
        await this.quickInput.fill(text, { timeout: 5_000 });
        if (await this.quickInput.isVisible()) return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
      if (attempt >= 3) throw new Error(`the quick input of "${title}" closed before "${text}" could be typed`);
      await this.page.keyboard.press('Escape');
    }
  }

  /**
   * Runs axe-core (WCAG 2.0–2.2 A and AA rules) in the document of the visible
   * webview. The script goes in through the debugging protocol, as a test
   * tool's would: the page's CSP, which allows only its own nonce'd script, is
   * not loosened for it.
   */
  async axe(): Promise<AxeViolation[]> {
    const outer = await (await this.page.locator('iframe.webview.ready').filter({ visible: true }).first().elementHandle())?.contentFrame();
    const inner = await (await outer?.waitForSelector('#active-frame'))?.contentFrame();
    if (!inner) throw new Error('no visible webview');
    await inner.waitForSelector('main');
    const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await inner.evaluate(`${source}\n;undefined`);
    return inner.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    });
  }

  /** The document of the visible webview in the editor area: two iframes down. */
  webviewFrame(): FrameLocator {
    // Hidden panels keep their iframes in the DOM; only the visible one is the page in front.
    return this.page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().frameLocator('#active-frame');
  }

  /** Picks a color theme with "Preferences: Color Theme", as a user would ("Dark Modern", "Light Modern"…). */
  async setColorTheme(label: string): Promise<void> {
    const input = this.quickInput;
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    // Themes register with the extensions: wait for ours, then retry the picker a few
    // times, as it can open before the theme list is ready on a busy machine.
    await this.activityBarIcon.waitFor({ state: 'visible', timeout: 60_000 });
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('Preferences: Color Theme');
      const listed = await waitUntil('the theme list', async () => (await rows.filter({ hasText: 'Light Modern' }).count()) > 0, 10_000)
        .then(() => true)
        .catch((err: unknown) => {
          if (attempt >= 3) throw err;
          return false;
        });
      if (listed) break;
      await this.page.keyboard.press('Escape');
    }
    await input.fill(label);
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
      .first()
      .click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Reloads the window as a user does, with "Developer: Reload Window" (which
   * lets the workbench save its state first), and waits for the new page.
   */
  async reloadWindow(timeoutMs = 60_000): Promise<void> {
    const navigated = this.page.waitForEvent('framenavigated', { predicate: (f) => f === this.page.mainFrame(), timeout: timeoutMs });
    await this.runCommand('Developer: Reload Window');
    await navigated;
    await this.page.waitForLoadState('domcontentloaded');
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Runs a command from the command palette (F1), as a user types it. */
  async runCommand(title: string): Promise<void> {
    const input = this.quickInput;
    // Click the row whose label is the title itself, not one that merely contains it.
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
      .first();
    // A webview that is still loading can take focus and close the palette: then try again.
    for (let attempt = 1; ; attempt++) {
      // Keys pressed while a webview has focus go to its frame: take focus back to the workbench first.
      await this.page.evaluate(() => {
        if (document.activeElement instanceof HTMLIFrameElement) document.activeElement.blur();
      });
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${title}`, { timeout: 5_000 });
        await row.click({ timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
        await this.page.keyboard.press('Escape');
      }
    }
    // The command may open a quick input of its own in the same widget: wait until the
    // palette's ">" text is gone, so that what is typed next goes to the new one.
    await waitUntil(`the palette to hand over after "${title}"`, async () => {
      const visible = await input.isVisible().catch(() => false);
      return !visible || !(await input.inputValue().catch(() => '')).startsWith('>');
    });
  }

  /**
   * Saves a screenshot of the page as <name>.png in test-results/screenshots/<suite>/
   * (SCREENSHOTS_DIR, set by scripts/run-ui.mjs); returns its path. One the README
   * shows (`readme`) is also written to docs/images/ by `npm run screenshots`.
   */
  async screenshot(name: string, options: { readme?: boolean } = {}): Promise<string> {
    const dir = process.env.SCREENSHOTS_DIR ?? join(repoRoot, 'test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    const file = `${name.replace(/[^\w.-]+/g, '-')}.png`;
    const path = join(dir, file);
    // No hover tooltip in a picture meant for people: the pointer rests on the activity bar's empty middle.
    if (options.readme) {
      await this.page.mouse.move(2, (this.page.viewportSize()?.height ?? 900) / 2);
      await this.page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
    }
    await this.page.screenshot({ path });
    const readmeDir = process.env.README_SCREENSHOTS_DIR;
    if (options.readme && readmeDir) {
      mkdirSync(readmeDir, { recursive: true });
      copyFileSync(path, join(readmeDir, file));
    }
    return path;
  }

  /** Closes the browser and stops the server. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.closeBrowser();
    } finally {
      await this.server.stop();
    }
  }
}

/** Shorthand for Workbench.open(). */
export function openWorkbench(options?: WorkbenchOptions): Promise<Workbench> {
  return Workbench.open(options);
}
