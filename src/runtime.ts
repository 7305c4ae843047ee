/** Whether this code runs in a Web Worker: the web extension host, or the parse worker there (Node has no importScripts). */
export function isWebWorker(): boolean {
  return typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
}
