import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { describeValue } from '../core/describe';
import { safeHttpUrl } from '../core/html';
import { parseWebviewMessage, type WebviewMessage } from '../core/messages';
import { pageLinks } from '../core/pageLinks';
import { Disposable } from '../dispose';
import { adoptPanel } from './webviewAssets';

/** What a single-page panel is called, for its tab and for the log. */
export interface PageIdentity {
  readonly viewType: string;
  readonly title: string;
  /** "the comparison": how the log names the page. */
  readonly name: string;
}

/**
 * A panel of which there is one at most (Compare Figures, Index Changes): shown
 * or revealed, rendered again when asked, closed with the extension. Its page
 * may open only the links it shows; every other message goes to handle().
 */
export abstract class SinglePagePanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The links the page shows: the only ones an openLink message may open. */
  private links: ReadonlySet<string> = new Set();

  constructor(
    protected readonly extensionUri: vscode.Uri,
    private readonly identity: PageIdentity,
    protected readonly actions: ActionsRef,
    protected readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register({ dispose: () => this.panel?.dispose() });
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /**
   * The page's HTML for this webview; undefined when there is nothing to show.
   * `redrawn`: the index changed under the open page, whose live region may say what that changed.
   */
  protected abstract html(webview: vscode.Webview, redrawn: boolean): string | undefined;

  /** Acts on a message other than openLink; resolves to whether the page may send it. */
  protected abstract handle(message: WebviewMessage): Promise<boolean>;

  /** Reveals the panel, or opens it. */
  protected reveal(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(this.identity.viewType, this.identity.title, vscode.ViewColumn.Active);
    this.adopt(panel);
    return panel;
  }

  /** Makes a new or restored panel this one. */
  protected adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    adoptPanel(panel, this.extensionUri, 'compare', {
      receive: (raw) => this.receive(raw),
      onClose: () => {
        if (this.panel === panel) this.panel = undefined;
      },
    });
    this.rerender();
  }

  /**
   * Renders the page again, if it is open (after the index or the display
   * language changed); `redrawn` when the index changed under it.
   */
  rerender(redrawn = false): void {
    const panel = this.panel;
    const html = panel && this.html(panel.webview, redrawn);
    if (!panel || html === undefined) return;
    this.links = pageLinks(html);
    panel.webview.html = html;
  }

  /** Delivers a message as the webview would post it. */
  async receive(raw: unknown): Promise<WebviewMessage | undefined> {
    const message = parseWebviewMessage(raw);
    if (message?.type === 'openLink') {
      const url = this.links.has(message.url) ? safeHttpUrl(message.url) : undefined;
      if (url) await this.actions.current.openExternal(url);
      else this.log.warn(`Refused to open a link ${this.identity.name} does not show: ${describeValue(message.url)}`);
      return url ? message : undefined;
    }
    if (message && (await this.handle(message))) return message;
    this.log.warn(`Ignored a message from ${this.identity.name}: ${describeValue(raw)}`);
    return undefined;
  }
}
