// Keeping the index current: Check for Updates (by hand, or by itself once a
// day), what changed, the choice between the bundled index and the upstream
// copy, and that copy's cache. Nothing replaces the index in use without the
// user's say; any failure leaves the index and its cache as they were.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { withLookup, type Catalog } from '../core/catalog';
import { describeError, describeSchemaError } from '../core/describe';
import { diffIndexes, isEmptyDiff, type IndexDiff } from '../core/indexDiff';
import { indexSourceFor, linkBaseFor, UPSTREAM_BASE } from '../core/indexLinks';
import { compareWithRecord, keepBundledWording, sha256Hex, textDigests, type UpstreamRecord } from '../core/upstreamRecord';
import { Disposable } from '../dispose';
import type { IndexOrigin, IndexStore, UntrustedIndex } from '../indexStore';
import type { Reporter } from '../reporter';
import type { Settings } from '../settings';
import { FetchCancelled, FetchError, fetchIndexText } from './fetchIndex';
import { validateUpstreamRecord } from './generated/upstreamRecordValidator';
import { UpstreamCache, type UpstreamCacheMeta } from './upstreamCache';

/** The bundled index is upstream's README as of this commit. */
export const BUNDLED_AS_OF = { commit: '56d8685', date: '2025-05-15' } as const;

/** In the media folder: what the bundled index was drawn from (see src/core/upstreamRecord.ts). */
export const RECORD_FILE = 'upstream-record.json';

/** An index is well under this; the parser reads no more either. */
const MAX_INDEX_BYTES = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** globalState: entries new or changed in the index in use, until the user opens them ([id, mark] pairs). */
export const UNSEEN_KEY = 'infraIndex.unseenEntries';

/** How the tree marks an entry an update brought. */
export type EntryMark = 'new' | 'changed';
/** globalState: when the automatic check last ran. */
const AUTO_CHECKED_KEY = 'infraIndex.autoCheckedAt';

/** The choices the update notification offers, in the display language. */
export const CHOICE = {
  get use(): string {
    return l10n.t('Use It');
  },
  get show(): string {
    return l10n.t('Show Changes');
  },
  get keep(): string {
    return l10n.t('Not Now');
  },
};

/** What a check found, kept for Show Changes. */
export interface Changes {
  readonly diff: IndexDiff;
  /** The two versions, as a reader names and dates them. */
  readonly before: VersionLabel;
  readonly after: VersionLabel;
  /** Whether the newer version is the one in use. */
  readonly applied: boolean;
}

export interface VersionLabel {
  readonly name: string;
  /** YYYY-MM-DD, or an ISO time. */
  readonly date: string;
}

export class Updates extends Disposable {
  private readonly cache: UpstreamCache;
  /** The folder of the upstream copy and its meta.json. */
  readonly cacheUri: vscode.Uri;
  private readonly changesEmitter = this._register(new vscode.EventEmitter<Changes>());
  /** Fires when a check finds changes, or changes are taken. */
  readonly onDidChangeChanges = this.changesEmitter.event;
  private readonly unseenEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeUnseen = this.unseenEmitter.event;
  private lastChanges: Changes | undefined;
  private pending: { catalog: Catalog; markdown: string; url: string; fetchedAt: number; validators: { etag?: string; lastModified?: string } } | undefined;
  private checking: Promise<void> | undefined;
  private recordRead: Promise<UpstreamRecord | undefined> | undefined;
  private autoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    storageUri: vscode.Uri,
    private readonly store: IndexStore,
    private readonly settings: Settings,
    private readonly state: vscode.Memento,
    private readonly report: Reporter,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.cacheUri = vscode.Uri.joinPath(storageUri, 'upstream');
    this.cache = new UpstreamCache(this.cacheUri);
    this._register({ dispose: () => clearTimeout(this.autoTimer) });
  }

  get changes(): Changes | undefined {
    return this.lastChanges;
  }

  /** Entries new or changed in the index in use that the user has not opened yet. A Map: no id finds an inherited member. */
  unseen(): ReadonlyMap<string, EntryMark> {
    const saved = this.state.get<unknown>(UNSEEN_KEY);
    const pairs = Array.isArray(saved) ? saved : [];
    return new Map(pairs.filter((p): p is [string, EntryMark] => Array.isArray(p) && typeof p[0] === 'string' && (p[1] === 'new' || p[1] === 'changed')));
  }

  async markSeen(id: string): Promise<void> {
    const unseen = new Map(this.unseen());
    if (!unseen.delete(id)) return;
    await this.state.update(UNSEEN_KEY, [...unseen]);
    this.unseenEmitter.fire();
  }

  /**
   * What the bundled index was drawn from (media/upstream-record.json), read once; undefined, with a
   * warning in the log, when it cannot be read. Without it a check compares upstream with the bundle's
   * own wording, as it did before the record.
   */
  record(): Promise<UpstreamRecord | undefined> {
    this.recordRead ??= this.store.readMedia(RECORD_FILE).then(
      (text) => {
        const json: unknown = JSON.parse(text);
        if (validateUpstreamRecord(json)) return json as UpstreamRecord;
        throw new Error(`it is not as expected (${describeSchemaError(validateUpstreamRecord.errors)})`);
      },
    ).catch((err: unknown) => {
      this.log.warn(`${RECORD_FILE} could not be read: ${describeError(err)}`);
      return undefined;
    });
    return this.recordRead;
  }

  /**
   * Puts another record of upstream in place of the bundled one (or, given none, goes back to it): for a
   * bundle drawn from another upstream, and for the tests, which record an upstream fixture written in the
   * project's own words.
   */
  useRecord(record?: UpstreamRecord): void {
    this.recordRead = record && Promise.resolve(record);
  }

  /**
   * An upstream catalog with the bundle's wording wherever upstream did not change an entry since the
   * record; as it is when there is no record or the bundle cannot be read.
   */
  private async withBundledWording(catalog: Catalog, record: UpstreamRecord | undefined, digests?: ReadonlyMap<string, string>): Promise<Catalog> {
    if (!record) return catalog;
    try {
      const bundled = await this.store.bundled();
      return withLookup(keepBundledWording(catalog, bundled, record, digests ?? (await textDigests(catalog.index))));
    } catch (err) {
      this.log.warn(`The bundled wording could not be kept: ${describeError(err)}`);
      return catalog;
    }
  }

  /**
   * The index at start-up: the cached upstream copy when the user chose it,
   * else the bundled one. A damaged cache falls back to the bundled index.
   */
  async loadAtStartup(): Promise<Catalog | undefined> {
    const cached = await this.cache.read();
    if (cached.kind === 'ok' && cached.meta.inUse) {
      const origin = upstreamOrigin(cached.meta);
      const catalog = await this.store.parseUntrusted(this.untrusted(cached.markdown, cached.meta.url));
      if (catalog.catalog) return this.store.accept(await this.withBundledWording(catalog.catalog, await this.record()), { origin, markdown: cached.markdown });
      void this.report.warn(l10n.t('The cached upstream index could not be used ({0}); the bundled index is shown.', catalog.error));
    } else if (cached.kind === 'damaged') {
      void this.report.warn(l10n.t('The cached upstream index is damaged: {0}. The bundled index is shown; Check for Updates fetches it again.', cached.reason));
    }
    return this.store.load();
  }

  /** Reloads the index in use from where it came from. */
  async reload(): Promise<Catalog | undefined> {
    return this.store.origin.kind === 'upstream' ? this.loadAtStartup() : this.store.load();
  }

  /** Schedules the once-a-day check, after activation and off its path. */
  scheduleAutoCheck(delayMs = 5_000): void {
    clearTimeout(this.autoTimer);
    this.autoTimer = setTimeout(() => void this.autoCheck(), delayMs);
  }

  private async autoCheck(): Promise<void> {
    if (!this.settings.autoCheck()) return;
    const last = this.state.get<number>(AUTO_CHECKED_KEY) ?? 0;
    if (Date.now() - last < DAY_MS) return;
    await this.state.update(AUTO_CHECKED_KEY, Date.now());
    await this.check({ interactive: false });
  }

  /**
   * Check for Updates. By hand it shows progress and every outcome; by itself
   * it speaks only when there is something new, and is silent offline.
   */
  check(options: { interactive: boolean }): Promise<void> {
    this.checking ??= this.runCheck(options).finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async runCheck({ interactive }: { interactive: boolean }): Promise<void> {
    const url = this.settings.upstreamUrl();
    const cached = await this.cache.read();
    const sameSource = cached.kind === 'ok' && cached.meta.url === url ? cached : undefined;
    // Ask conditionally only when the cache holds the text a 304 would mean.
    const validators = sameSource ? { etag: sameSource.meta.etag, lastModified: sameSource.meta.lastModified } : undefined;
    const limits = { maxBytes: MAX_INDEX_BYTES, timeoutMs: this.settings.upstreamTimeoutMs() };
    let outcome;
    try {
      outcome = interactive
        ? await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: l10n.t('Open Infra Index: checking for updates…'), cancellable: true },
            (_progress, token) => fetchIndexText(url, validators, { ...limits, signal: abortSignal(token) }),
          )
        : await fetchIndexText(url, validators, limits);
    } catch (err) {
      if (err instanceof FetchCancelled) return;
      const message = l10n.t('Could not check for updates: {0}', err instanceof FetchError ? `${err.url} ${err.reason}` : describeError(err));
      if (interactive) {
        void this.report.error(l10n.t('{0} The index in use stays as it was.', message), l10n.t('Open Settings')).then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'infraIndex.upstream');
        });
      } else {
        this.log.info(`Automatic check: ${message}`);
      }
      return;
    }
    const now = Date.now();
    if (outcome.kind === 'notModified') {
      if (sameSource) await this.cache.update(sameSource.meta, { checkedAt: now }).catch((err: unknown) => this.log.warn(`The cache could not be updated: ${describeError(err)}`));
      const inUse = this.store.origin.kind === 'upstream' && this.store.origin.url === url;
      if (inUse || !sameSource) {
        this.store.noteChecked(now);
        if (interactive) void this.report.info(l10n.t('The index is up to date: upstream has not changed since the last check.'));
        return;
      }
      // Upstream is as cached, but the index in use is another (the bundled one): compare with the cached copy.
      outcome = { kind: 'fetched', text: sameSource.markdown, url, validators: { etag: sameSource.meta.etag, lastModified: sameSource.meta.lastModified } } as const;
    }
    // Against the bundled index, upstream unchanged since the bundle was drawn from it is up to date at once.
    const record = await this.record();
    if (this.store.origin.kind === 'bundled' && record && record.sha256 === (await sha256Hex(outcome.text))) {
      if (interactive) void this.report.info(l10n.t('The index is up to date: upstream has not changed it since the bundled copy was drawn from it ({0}, {1}).', record.source.commit.slice(0, 7), record.source.date));
      return;
    }
    const parsed = await this.store.parseUntrusted(this.untrusted(outcome.text, outcome.url));
    if (!parsed.catalog) {
      if (interactive) void this.report.error(l10n.t('{0} The index in use stays as it was.', parsed.error));
      else this.log.info(`Automatic check: ${parsed.error}`);
      return;
    }
    const misdecoded = parsed.catalog.problems.find((p) => p.kind === 'encoding');
    if (misdecoded) {
      const message = l10n.t('The index from {0} arrived decoded in the wrong encoding (line {1}: {2}) It was not used; the index in use stays as it was.', url, misdecoded.line, misdecoded.message);
      if (interactive) void this.report.error(message);
      else this.log.warn(`Automatic check: ${message}`);
      return;
    }
    const digests = await textDigests(parsed.catalog.index);
    const diff = await this.changesFrom(parsed.catalog, record, digests, linkBaseFor(outcome.url));
    const catalog = await this.withBundledWording(parsed.catalog, record, digests);
    this.pending = { catalog, markdown: outcome.text, url: outcome.url, fetchedAt: now, validators: outcome.validators };
    if (isEmptyDiff(diff)) {
      this.store.noteChecked(now);
      if (interactive) void this.report.info(l10n.t('The index is up to date: upstream lists the same entries, figures and links.'));
      return;
    }
    this.lastChanges = { diff, before: this.label(this.store.origin), after: { name: `upstream (${url})`, date: new Date(now).toISOString() }, applied: false };
    this.changesEmitter.fire(this.lastChanges);
    await this.offer(diff);
  }

  /**
   * What upstream changed, against what it said last: the record of what the bundle was drawn from while the
   * bundled index is in use (its wording is the project's, not upstream's), the upstream text in use once one
   * was taken, and the index in use itself for a user's own index.
   */
  private async changesFrom(next: Catalog, record: UpstreamRecord | undefined, digests: ReadonlyMap<string, string>, linkBase: string): Promise<IndexDiff> {
    const current = this.store.catalog;
    if (!current) return { added: next.index.periods.flatMap((p) => p.entries), removed: [], changed: [] };
    const origin = this.store.origin;
    if (origin.kind === 'bundled' && record) return compareWithRecord(record, current.index, next.index, digests, { bundled: UPSTREAM_BASE, upstream: linkBase });
    if (origin.kind === 'upstream') {
      const inUse = await this.store.parseUntrusted(this.untrusted(this.store.markdown, origin.url));
      if (inUse.catalog) return diffIndexes(inUse.catalog.index, next.index);
    }
    return diffIndexes(current.index, next.index);
  }

  /** Tells what changed and lets the user take it, look first, or leave it. */
  private async offer(diff: IndexDiff): Promise<void> {
    const summary = summarise(diff);
    for (;;) {
      const choice = await this.report.info(l10n.t('The upstream index has changed: {0}. Use it?', summary), CHOICE.use, CHOICE.show, CHOICE.keep);
      if (choice === CHOICE.show) {
        await vscode.commands.executeCommand('infraIndex.showChanges');
        continue;
      }
      if (choice === CHOICE.use) await this.usePending();
      return;
    }
  }

  /** Takes the index the last check found. */
  async usePending(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) return false;
    let meta: UpstreamCacheMeta;
    try {
      meta = await this.cache.write(pending.markdown, { url: pending.url, validators: pending.validators, fetchedAt: pending.fetchedAt, inUse: true });
    } catch (err) {
      void this.report.error(l10n.t('The upstream index could not be saved ({0}); the index in use stays as it was.', describeError(err)));
      return false;
    }
    const diff = this.lastChanges?.diff;
    this.store.accept(pending.catalog, { origin: upstreamOrigin(meta), markdown: pending.markdown });
    this.pending = undefined;
    if (diff) {
      const unseen = new Map(this.unseen());
      for (const e of diff.added) unseen.set(e.id, 'new');
      for (const c of diff.changed) if (!unseen.has(c.after.id)) unseen.set(c.after.id, 'changed');
      await this.state.update(UNSEEN_KEY, [...unseen]);
      this.unseenEmitter.fire();
      if (this.lastChanges) {
        this.lastChanges = { ...this.lastChanges, applied: true };
        this.changesEmitter.fire(this.lastChanges);
      }
    }
    return true;
  }

  /** Use Bundled Index: back to the index that ships with the extension. The cache is kept. */
  async useBundled(): Promise<void> {
    const cached = await this.cache.read();
    if (cached.kind === 'ok' && cached.meta.inUse) await this.cache.update(cached.meta, { inUse: false });
    await this.store.load();
    await this.state.update(UNSEEN_KEY, undefined);
    this.unseenEmitter.fire();
  }

  private untrusted(markdown: string, url: string): UntrustedIndex {
    return { markdown, origin: url, baseUrl: linkBaseFor(url), indexSource: indexSourceFor(url) };
  }

  private label(origin: IndexOrigin): VersionLabel {
    switch (origin.kind) {
      case 'bundled':
        return { name: `bundled (upstream ${BUNDLED_AS_OF.commit})`, date: BUNDLED_AS_OF.date };
      case 'upstream':
        return { name: `upstream (${origin.url})`, date: new Date(origin.fetchedAt).toISOString() };
      case 'file':
        return { name: origin.uri.toString(true), date: new Date(origin.readAt).toISOString() };
    }
  }
}

function upstreamOrigin(meta: UpstreamCacheMeta): IndexOrigin {
  return { kind: 'upstream', url: meta.url, fetchedAt: meta.fetchedAt, checkedAt: meta.checkedAt };
}

/** "2 new entries, 1 changed" */
export function summarise(diff: IndexDiff): string {
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => n > 0 && parts.push(`${n} ${n === 1 ? one : many}`);
  count(diff.added.length, 'new entry', 'new entries');
  count(diff.changed.length, 'entry changed', 'entries changed');
  count(diff.removed.length, 'entry removed', 'entries removed');
  return parts.join(', ');
}

function abortSignal(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
