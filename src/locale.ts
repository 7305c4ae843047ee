import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { setDisplayLocale } from './core/displayLocale';
import { Disposable } from './dispose';
import type { Settings } from './settings';

/** The languages the extension ships text for, besides English. */
export const TRANSLATIONS = ['zh-cn'] as const;
export type Locale = 'en' | (typeof TRANSLATIONS)[number];

/**
 * The language of everything the extension says at run time: notifications,
 * the tree, quick picks, the pages and the parser's problems. It follows VS
 * Code's display language, unless infraIndex.displayLanguage picks one; the
 * manifest's titles always follow VS Code's. One @vscode/l10n configuration
 * serves the extension host and the pages it renders; the parse worker is
 * handed the same bundle.
 */
export class LocaleService extends Disposable {
  private current: Locale = 'en';
  private contents: Record<string, string> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<Locale>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly settings: Settings,
  ) {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('infraIndex.displayLanguage')) void this.apply();
      }),
    );
  }

  get locale(): Locale {
    return this.current;
  }

  /** The runtime bundle in use, for the parse worker; undefined in English. */
  get bundle(): Record<string, string> | undefined {
    return this.contents;
  }

  /** Reads the setting (or VS Code's language) and configures the text; fires when the language changes. */
  async apply(): Promise<Locale> {
    const setting = this.settings.displayLanguage();
    const wanted = setting === 'auto' ? vscode.env.language.toLowerCase() : setting;
    const locale: Locale = (TRANSLATIONS as readonly string[]).includes(wanted) ? (wanted as Locale) : 'en';
    let contents: Record<string, string> | undefined;
    if (locale !== 'en') {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'l10n', `bundle.l10n.${locale}.json`));
        contents = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
      } catch {
        contents = undefined;
      }
    }
    l10n.config({ contents: contents ?? {} });
    const before = this.current;
    this.current = contents ? locale : 'en';
    setDisplayLocale(this.current);
    this.contents = contents;
    if (before !== this.current) this.changed.fire(this.current);
    return this.current;
  }
}
