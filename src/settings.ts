import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { GROUP_BY, SORT_BY, type GroupBy, type SortBy } from './core/arrange';
import type { Reporter } from './reporter';

export const SECTION = 'infraIndex';

/** The upstream README, raw, on its main branch. */
export const DEFAULT_UPSTREAM_URL = 'https://raw.githubusercontent.com/deepseek-ai/open-infra-index/main/README.md';

/**
 * Reads the extension's settings. A value of the wrong type falls back to the
 * default, with a message that names the setting, once per bad value.
 */
export class Settings {
  private readonly warned = new Set<string>();

  constructor(private readonly report: Reporter) {}

  reusePanel(): boolean {
    return this.boolean('panel.reuse', false);
  }

  groupBy(): GroupBy {
    return this.oneOf('tree.groupBy', GROUP_BY, 'period');
  }

  sortBy(): SortBy {
    return this.oneOf('tree.sortBy', SORT_BY, 'index');
  }

  /** Where Check for Updates fetches the index (application scope: a workspace cannot change it). */
  upstreamUrl(): string {
    const value = vscode.workspace.getConfiguration(SECTION).inspect<unknown>('upstream.url');
    const chosen = value?.globalValue ?? value?.defaultValue ?? DEFAULT_UPSTREAM_URL;
    if (typeof chosen === 'string' && chosen.trim() !== '') return chosen.trim();
    this.complain('upstream.url', chosen, `the address of the index markdown; using ${DEFAULT_UPSTREAM_URL}`);
    return DEFAULT_UPSTREAM_URL;
  }

  /** How long a check may take, headers and body, in milliseconds. */
  upstreamTimeoutMs(): number {
    const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('upstream.timeoutSeconds', 20);
    if (typeof value === 'number' && value >= 1 && value <= 300) return value * 1000;
    this.complain('upstream.timeoutSeconds', value, 'a number of seconds from 1 to 300; using 20');
    return 20_000;
  }

  /** The user's own index file, or '' for none. */
  indexFile(): string {
    const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('indexFile', '');
    if (typeof value === 'string') return value.trim();
    this.complain('indexFile', value, 'the path of a markdown file; using none');
    return '';
  }

  /** "auto" (VS Code's display language), or a language the extension ships text for. */
  displayLanguage(): 'auto' | 'en' | 'zh-cn' {
    return this.oneOf('displayLanguage', ['auto', 'en', 'zh-cn'] as const, 'auto');
  }

  autoCheck(): boolean {
    return this.boolean('upstream.autoCheck', true);
  }

  async update(key: 'tree.groupBy' | 'tree.sortBy', value: string): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
  }

  private oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = vscode.workspace.getConfiguration(SECTION).get<unknown>(key, fallback);
    if (allowed.includes(value as T)) return value as T;
    this.complain(key, value, `one of ${allowed.map((a) => `"${a}"`).join(', ')}; using "${fallback}"`);
    return fallback;
  }

  private boolean(key: string, fallback: boolean): boolean {
    const value = vscode.workspace.getConfiguration(SECTION).get<unknown>(key, fallback);
    if (typeof value === 'boolean') return value;
    this.complain(key, value, `true or false; using ${fallback}`);
    return fallback;
  }

  private complain(key: string, value: unknown, expected: string): void {
    const id = `${key}=${JSON.stringify(value)}`;
    if (this.warned.has(id)) return;
    this.warned.add(id);
    const message = l10n.t('The setting "{0}" is {1}, but it should be {2}.', `${SECTION}.${key}`, JSON.stringify(value), expected);
    void this.report.warn(message, l10n.t('Open Settings')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${key}`);
    });
  }
}
