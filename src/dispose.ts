import type * as vscode from 'vscode';

/**
 * How many registrations are alive across the extension: what the Disposable
 * base owns, plus what panels hold while open. Tests compare it with a
 * baseline to find leaks.
 */
export const liveRegistrations = { count: 0 };

/**
 * Owns what it registers and disposes it once, newest first. Something
 * registered after dispose() is disposed at once, so nothing outlives its owner.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) {
      value.dispose();
    } else {
      this.owned.push(value);
      liveRegistrations.count++;
    }
    return value;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const owned = this.owned.splice(0).reverse();
    liveRegistrations.count -= owned.length;
    for (const value of owned) value.dispose();
  }
}
