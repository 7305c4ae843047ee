import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { withLookup, type Catalog, type CatalogData } from './core/catalog';
import type { IndexSource } from './core/indexSource';
import { describeError } from './core/describe';
import { Disposable } from './dispose';
import { parseOffThread } from './parseOffThread';
import type { Reporter } from './reporter';

/** How long untrusted index text may take to parse before it is given up. */
export const PARSE_DEADLINE_MS = 10_000;

/** Where the index in use comes from, for the view and for Open Index Source. */
export type IndexOrigin =
  | { readonly kind: 'bundled' }
  | { readonly kind: 'upstream'; readonly url: string; readonly fetchedAt: number; readonly checkedAt: number }
  | { readonly kind: 'file'; readonly uri: vscode.Uri; readonly readAt: number };

/** Index text from outside the extension (the network, the user's files): parsed in a worker. */
export interface UntrustedIndex {
  readonly markdown: string;
  /** Where it came from, for messages: "https://…/README.md", "team-index.md". */
  readonly origin: string;
  readonly baseUrl?: string;
  /** What the index's own figures cite (see CatalogOptions). */
  readonly indexSource?: IndexSource;
}

export const INDEX_FILE = 'open-infra-index.md';
export const DATA_FILE = 'entries.json';

/**
 * Holds the catalog in use. A load that yields no entries is reported and
 * the last good catalog stays in use.
 */
export class IndexStore extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<Catalog>());
  readonly onDidChange = this.changed.event;
  private current: Catalog | undefined;
  private currentOrigin: IndexOrigin = { kind: 'bundled' };
  private currentMarkdown = '';
  private bundledData: string | undefined;
  private bundledCatalog: Promise<Catalog> | undefined;
  private loading: Promise<Catalog | undefined> | undefined;

  constructor(
    private readonly mediaUri: vscode.Uri,
    private readonly workerScript: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly report: Reporter,
    /** The display language's runtime strings, for the worker's problem messages. */
    private readonly strings: () => Record<string, string> | undefined = () => undefined,
  ) {
    super();
  }

  get catalog(): Catalog | undefined {
    return this.current;
  }

  /** Where the catalog in use comes from. */
  get origin(): IndexOrigin {
    return this.currentOrigin;
  }

  /** The markdown the catalog in use was read from. */
  get markdown(): string {
    return this.currentMarkdown;
  }

  /** Says when upstream was last asked, without changing the index (a check that found nothing new). */
  noteChecked(checkedAt: number): void {
    if (this.currentOrigin.kind !== 'upstream') return;
    this.currentOrigin = { ...this.currentOrigin, checkedAt };
    if (this.current) this.changed.fire(this.current);
  }

  /**
   * Loads (or reloads) the bundled index; resolves to the catalog in use
   * afterwards. Calls made while a load is under way share it: activate()
   * and a panel restored at start-up read the files once.
   */
  load(): Promise<Catalog | undefined> {
    this.loading ??= this.readAndAccept().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** The catalog in use, or the first load's result while it is under way. */
  async ready(): Promise<Catalog | undefined> {
    return this.current ?? (await this.load());
  }

  private async readAndAccept(): Promise<Catalog | undefined> {
    try {
      const { catalog, markdown } = await this.readBundled();
      return this.accept(catalog, { origin: { kind: 'bundled' }, markdown });
    } catch (err) {
      return this.reject(`The bundled index could not be read: ${describeError(err)}`);
    }
  }

  private async readBundled(): Promise<{ catalog: Catalog; markdown: string }> {
    const markdown = await this.read(INDEX_FILE);
    const built = await parseOffThread(this.workerScript, { markdown, data: await this.entryData(), l10n: this.strings() }, PARSE_DEADLINE_MS);
    return { catalog: withLookup(built), markdown };
  }

  /**
   * The bundled catalog, whichever index is in use: the one in use when it is the bundled one, else read
   * (once) for the wording an upstream copy keeps where upstream did not change an entry. Throws when the
   * bundled files cannot be read.
   */
  async bundled(): Promise<Catalog> {
    if (this.currentOrigin.kind === 'bundled' && this.current) return this.current;
    this.bundledCatalog ??= this.readBundled().then((b) => b.catalog);
    return this.bundledCatalog.catch((err: unknown) => {
      this.bundledCatalog = undefined;
      throw err;
    });
  }

  /** A file of the extension's media folder, as text. */
  readMedia(name: string): Promise<string> {
    return this.read(name);
  }

  /** The bundled entry data, which applies to an index from anywhere. */
  private async entryData(): Promise<string | undefined> {
    this.bundledData ??= await this.read(DATA_FILE).catch((err: unknown) => {
      this.log.warn(`Entry data could not be read: ${describeError(err)}`);
      return undefined;
    });
    return this.bundledData;
  }

  /**
   * Parses untrusted index text off the extension host's thread, within a
   * deadline, and takes it if it holds entries. On any failure the user is
   * told, and the index in use stays as it was.
   */
  async loadUntrusted(source: UntrustedIndex, deadlineMs = PARSE_DEADLINE_MS): Promise<Catalog | undefined> {
    const parsed = await this.parseUntrusted(source, deadlineMs);
    return parsed.catalog ? this.accept(parsed.catalog) : this.reject(parsed.error);
  }

  /**
   * Parses untrusted text off the extension host's thread into a catalog,
   * without putting it in use: the caller shows what changed and asks first.
   */
  async parseUntrusted(source: UntrustedIndex, deadlineMs = PARSE_DEADLINE_MS): Promise<{ catalog: Catalog; error?: never } | { catalog?: never; error: string }> {
    let built: CatalogData;
    try {
      const { markdown, baseUrl, indexSource } = source;
      // The bundled entry data applies to an index from anywhere.
      built = await parseOffThread(this.workerScript, { markdown, data: await this.entryData(), baseUrl, indexSource, foreign: true, l10n: this.strings() }, deadlineMs);
    } catch (err) {
      return { error: `The index from ${source.origin} could not be read: ${describeError(err)}` };
    }
    const catalog = withLookup(built);
    if (catalog.entries.length === 0) {
      return { error: `The index from ${source.origin} has no entries: it does not look like the Open Infra Index (${catalog.problems.length} problems).` };
    }
    return { catalog };
  }

  /**
   * Takes a catalog if it holds entries; otherwise keeps the last good one.
   * `from` says where it comes from (left as it was when not given).
   */
  accept(next: Catalog, from?: { origin: IndexOrigin; markdown: string }): Catalog | undefined {
    for (const p of next.problems) this.log.warn(`index${p.line ? ` line ${p.line}` : ''}: ${p.message}`);
    if (next.entries.length === 0) {
      return this.reject(`The index has no entries (${next.problems.length} problems).`);
    }
    this.current = next;
    if (from) {
      this.currentOrigin = from.origin;
      this.currentMarkdown = from.markdown;
    }
    this.log.info(`Loaded ${next.entries.length} entries in ${next.index.periods.length} periods.`);
    if (next.problems.length > 0) {
      void this.report
        .warn(l10n.t('The index has {0} problem(s); what could be read is shown.', next.problems.length), l10n.t('Show Log'))
        .then((choice) => choice && this.report.showLog());
    }
    this.changed.fire(next);
    return next;
  }

  /** Reports why an index was not taken; the one in use stays. */
  reject(message: string): Catalog | undefined {
    void this.report.error(this.current ? l10n.t('{0} The previous index stays in use.', message) : message);
    return this.current;
  }

  private async read(name: string): Promise<string> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.mediaUri, name));
    return new TextDecoder('utf-8').decode(bytes);
  }
}
