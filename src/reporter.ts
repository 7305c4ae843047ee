import type * as vscode from 'vscode';
import type { ActionsRef } from './actions';

/**
 * What the extension tells the user: each report goes to the "Open Infra Index"
 * log and to a notification (through the actions, which tests record).
 * Resolves to the choice the user clicked, if any.
 */
export class Reporter {
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly actions: ActionsRef,
  ) {}

  error(message: string, ...choices: string[]): Thenable<string | undefined> {
    this.log.error(message);
    return this.actions.current.notify('error', message, choices);
  }

  warn(message: string, ...choices: string[]): Thenable<string | undefined> {
    this.log.warn(message);
    return this.actions.current.notify('warning', message, choices);
  }

  info(message: string, ...choices: string[]): Thenable<string | undefined> {
    this.log.info(message);
    return this.actions.current.notify('info', message, choices);
  }

  /** Offers the log, where the details are. */
  showLog(): void {
    this.log.show();
  }
}
