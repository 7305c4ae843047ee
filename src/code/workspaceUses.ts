import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { scanImports } from '../core/importScan';
import type { CodeLanguage } from '../core/model';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import type { CodeIndex } from './codeIndex';

/** One import of an index library in the workspace. Lines and columns are 0-based. */
export interface WorkspaceUse {
  readonly entryId: string;
  readonly uri: vscode.Uri;
  /** The file's path relative to its workspace folder. */
  readonly path: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The import line, trimmed. */
  readonly text: string;
}

export type ScanState = 'not scanned' | 'scanning' | 'scanned' | 'cancelled';

/** At most this many files are read in one scan. */
export const MAX_SCAN_FILES = 5_000;
/** Larger files are not read. */
export const MAX_SCAN_BYTES = 1_000_000;
const SOURCE_GLOB = '**/*.{py,pyi,c,cc,cpp,cxx,h,hh,hpp,hxx,cu,cuh}';
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** How a file is read, by its extension. */
export function fileLanguage(path: string): CodeLanguage | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1].toLowerCase();
  if (ext === 'py' || ext === 'pyi') return 'python';
  return ext && ['c', 'cc', 'cpp', 'cxx', 'h', 'hh', 'hpp', 'hxx', 'cu', 'cuh'].includes(ext) ? 'cpp' : undefined;
}

/** The globs files.exclude and search.exclude turn on, with node_modules and .git, as one pattern. */
export function excludeGlob(): string {
  const on = (section: string): string[] => {
    const value = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {};
    // A "when" clause (an object) applies to some files only: not excluded outright.
    return Object.entries(value)
      .filter(([, v]) => v === true)
      .map(([k]) => k);
  };
  const globs = [...new Set([...ALWAYS_EXCLUDED, ...on('files'), ...on('search')])].filter((g) => !/[{}]/.test(g));
  return `{${globs.join(',')}}`;
}

/**
 * Where the workspace imports the index's libraries. A scan runs only when
 * asked (the view coming into sight, or Scan Workspace): it is bounded,
 * cancellable and shows its progress in the view. Afterwards each saved,
 * created or deleted source file is read again on its own. Files are read
 * through vscode.workspace.fs, so it works read-only in untrusted and virtual
 * workspaces too.
 */
export class WorkspaceUses extends Disposable {
  private readonly byFile = new Map<string, WorkspaceUse[]>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private current: ScanState = 'not scanned';
  private running?: { cancel: vscode.CancellationTokenSource; done: Promise<void> };
  private watcher?: vscode.FileSystemWatcher;
  /** Files the last scan left out: more than MAX_SCAN_FILES, or too large. */
  skipped = 0;

  constructor(
    private readonly code: CodeIndex,
    store: IndexStore,
    private readonly viewId: string,
  ) {
    super();
    // New code names: what was found may be wrong now, so a finished scan runs again.
    this._register(store.onDidChange(() => this.current === 'scanned' && void this.scan()));
    this._register({ dispose: () => this.running?.cancel.cancel() });
  }

  get state(): ScanState {
    return this.current;
  }

  /** Entry ids the workspace uses, each with its imports in path and line order. */
  entries(): Map<string, WorkspaceUse[]> {
    const out = new Map<string, WorkspaceUse[]>();
    for (const uses of this.byFile.values()) {
      for (const u of uses) {
        let list = out.get(u.entryId);
        if (!list) out.set(u.entryId, (list = []));
        list.push(u);
      }
    }
    for (const list of out.values()) list.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
    return out;
  }

  usesOf(entryId: string): WorkspaceUse[] {
    return this.entries().get(entryId) ?? [];
  }

  /** Scans the workspace; a scan already running is cancelled and replaced. */
  scan(): Promise<void> {
    this.running?.cancel.cancel();
    const cancel = new vscode.CancellationTokenSource();
    const done = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: this.viewId }, title: l10n.t('Scanning the workspace for imports') }, () => this.run(cancel.token)),
    ).finally(() => {
      cancel.dispose();
      if (this.running?.cancel === cancel) this.running = undefined;
    });
    this.running = { cancel, done };
    return done;
  }

  /** Stops a running scan; what it found so far stays. */
  cancel(): void {
    this.running?.cancel.cancel();
  }

  private async run(token: vscode.CancellationToken): Promise<void> {
    this.current = 'scanning';
    this.changed.fire();
    const found = new Map<string, WorkspaceUse[]>();
    let files: vscode.Uri[];
    try {
      files = await vscode.workspace.findFiles(SOURCE_GLOB, excludeGlob(), MAX_SCAN_FILES + 1, token);
    } catch {
      // A workspace whose file system cannot be searched: nothing to list, but nothing fails.
      files = [];
    }
    this.skipped = Math.max(0, files.length - MAX_SCAN_FILES);
    for (const uri of files.slice(0, MAX_SCAN_FILES)) {
      if (token.isCancellationRequested) break;
      const uses = await this.read(uri);
      if (uses.length > 0) found.set(uri.toString(), uses);
    }
    if (token.isCancellationRequested) {
      // Keep what the scan read, so a long scan that is stopped still shows something.
      for (const [k, v] of found) this.byFile.set(k, v);
      this.current = 'cancelled';
    } else {
      this.byFile.clear();
      for (const [k, v] of found) this.byFile.set(k, v);
      this.current = 'scanned';
      this.watch();
    }
    this.changed.fire();
  }

  /** The imports in one file: its open document's text if it is open, else the file on disk. */
  private async read(uri: vscode.Uri): Promise<WorkspaceUse[]> {
    const language = fileLanguage(uri.path);
    const names = this.code.names();
    if (!language || !names) return [];
    let text: string;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      text = open.getText();
    } else {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_SCAN_BYTES) {
          this.skipped++;
          return [];
        }
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return [];
      }
    }
    if (text.length > MAX_SCAN_BYTES || !names.mightUse(text)) return [];
    const path = vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
    return scanImports(text, language, names).map((u) => ({ entryId: u.entryId, uri, path, line: u.line, start: u.start, end: u.end, text: u.text }));
  }

  /** After a scan, keeps the list up to date as source files are saved, created or deleted. */
  private watch(): void {
    if (this.watcher) return;
    this.watcher = this._register(vscode.workspace.createFileSystemWatcher(SOURCE_GLOB));
    const update = async (uri: vscode.Uri): Promise<void> => {
      if (/[\\/](?:node_modules|\.git)[\\/]/.test(uri.path)) return;
      const uses = await this.read(uri);
      const key = uri.toString();
      const had = this.byFile.has(key);
      if (uses.length > 0) this.byFile.set(key, uses);
      else this.byFile.delete(key);
      if (had || uses.length > 0) this.changed.fire();
    };
    this._register(this.watcher.onDidCreate((uri) => void update(uri)));
    this._register(this.watcher.onDidChange((uri) => void update(uri)));
    this._register(
      this.watcher.onDidDelete((uri) => {
        if (this.byFile.delete(uri.toString())) this.changed.fire();
      }),
    );
  }
}
