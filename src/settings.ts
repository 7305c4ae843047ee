import * as vscode from 'vscode';

export const SECTION = 'infraIndex';

/**
 * Reads the extension's settings. A value of the wrong type falls back to the
 * default, with a message that names the setting, once per bad value.
 */
export class Settings {
  private readonly warned = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  reusePanel(): boolean {
    return this.boolean('panel.reuse', false);
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
    const message = `The setting "${SECTION}.${key}" is ${JSON.stringify(value)}, but it should be ${expected}.`;
    this.log.warn(message);
    void vscode.window.showWarningMessage(`Open Infra Index: ${message}`, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${key}`);
    });
  }
}
