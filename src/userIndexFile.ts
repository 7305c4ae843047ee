// The user's own index: a markdown file in the index's structure, named by
// infraIndex.indexFile (a team's internal index, a fork). The extension shows
// it instead of the bundled or upstream index, reads it again when it is
// saved, and, while it is being edited, puts the parser's problems in the
// Problems panel at their lines. Its text is untrusted: it is parsed in the
// worker like anything from the network.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { describeError } from './core/describe';
import { Disposable } from './dispose';
import type { IndexStore, UntrustedIndex } from './indexStore';
import type { Reporter } from './reporter';
import type { Settings } from './settings';

/** How long typing must pause before the problems are brought up to date. */
export const DIAGNOSTICS_DELAY_MS = 300;

export class UserIndexFile extends Disposable {
  readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('infraIndex'));
  private readonly changedEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when infraIndex.indexFile is set or cleared; the caller chooses the index to show. */
  readonly onDidChangeSetting = this.changedEmitter.event;
  private watcher: vscode.Disposable | undefined;
  private typing: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each parse for diagnostics: an older parse that finishes late is dropped. */
  private generation = 0;

  constructor(
    private readonly store: IndexStore,
    private readonly settings: Settings,
    private readonly report: Reporter,
  ) {
    super();
    this._register({ dispose: () => (clearTimeout(this.typing), this.watcher?.dispose()) });
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('infraIndex.indexFile')) return;
        this.diagnostics.clear();
        this.changedEmitter.fire();
      }),
    );
    this._register(vscode.workspace.onDidSaveTextDocument((doc) => this.isOurs(doc.uri) && void this.load()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.isOurs(e.document.uri) || e.contentChanges.length === 0) return;
        clearTimeout(this.typing);
        this.typing = setTimeout(() => void this.showProblems(e.document.getText()), DIAGNOSTICS_DELAY_MS);
      }),
    );
  }

  /** The file infraIndex.indexFile names: an absolute path, or one relative to the first workspace folder. */
  uri(): vscode.Uri | undefined {
    const path = this.settings.indexFile();
    if (!path) return undefined;
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return vscode.Uri.parse(path, true);
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return vscode.Uri.file(path);
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, path) : undefined;
  }

  /**
   * Reads, parses and shows the file. Resolves to whether it is now the index
   * in use; on failure the user is told and the index in use stays.
   */
  async load(): Promise<boolean> {
    const uri = this.uri();
    if (!uri) {
      void this.report.error(l10n.t('The setting "infraIndex.indexFile" ({0}) names a relative path, but no folder is open.', this.settings.indexFile() ?? ''));
      return false;
    }
    this.watch(uri);
    let markdown: string;
    try {
      markdown = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      this.store.reject(`The index file ${uri.fsPath || uri.toString(true)} could not be read: ${describeError(err)}`);
      return false;
    }
    // Saving in the editor is seen twice (the save, and the file watcher): the same text is read once.
    const origin = this.store.origin;
    if (origin.kind === 'file' && origin.uri.toString() === uri.toString() && markdown === this.store.markdown) return true;
    const parsed = await this.store.parseUntrusted(this.untrusted(markdown, uri));
    if (!parsed.catalog) {
      this.setProblems(uri, markdown, [{ line: 1, message: parsed.error }]);
      this.store.reject(parsed.error);
      return false;
    }
    this.setProblems(uri, markdown, parsed.catalog.problems);
    return this.store.accept(parsed.catalog, { origin: { kind: 'file', uri, readAt: Date.now() }, markdown }) === parsed.catalog;
  }

  private async showProblems(text: string): Promise<void> {
    const uri = this.uri();
    if (!uri) return;
    const generation = ++this.generation;
    const parsed = await this.store.parseUntrusted(this.untrusted(text, uri));
    if (generation !== this.generation) return;
    this.setProblems(uri, text, parsed.catalog ? parsed.catalog.problems : [{ line: 1, message: parsed.error }]);
  }

  private untrusted(markdown: string, uri: vscode.Uri): UntrustedIndex {
    // Relative links resolve against the file's folder; only http(s) results are kept.
    const baseUrl = uri.scheme === 'https' || uri.scheme === 'http' ? new URL('.', uri.toString(true)).href : undefined;
    const name = uri.path.split('/').pop() ?? uri.toString(true);
    // Its figures cite the file itself, which has no web address.
    const indexSource = { repo: 'your index file', path: name, url: '' };
    return { markdown, origin: name, baseUrl, indexSource };
  }

  private setProblems(uri: vscode.Uri, text: string, problems: readonly { line?: number; message: string }[]): void {
    const lines = text.split('\n');
    this.diagnostics.set(
      uri,
      // Problems without a line are the entry data's, not the file's.
      problems.filter((p) => p.line).map((p) => {
        const line = Math.min(Math.max((p.line ?? 1) - 1, 0), Math.max(lines.length - 1, 0));
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, lines[line]?.length ?? 0), p.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Open Infra Index';
        return diagnostic;
      }),
    );
  }

  /** Reads the file again when it changes outside the editor too. */
  private watch(uri: vscode.Uri): void {
    this.watcher?.dispose();
    const slash = uri.path.lastIndexOf('/');
    const folder = uri.with({ path: uri.path.slice(0, slash) || '/' });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, uri.path.slice(slash + 1)));
    watcher.onDidChange(() => {
      if (!vscode.workspace.textDocuments.some((d) => this.isOurs(d.uri) && d.isDirty)) void this.load();
    });
    this.watcher = watcher;
  }

  private isOurs(uri: vscode.Uri): boolean {
    const ours = this.uri();
    return ours !== undefined && ours.toString() === uri.toString();
  }
}

