import type * as vscode from 'vscode';
import type { CatalogData } from './core/catalog';
import { isWebWorker } from './runtime';
import type { ParseReply, ParseRequest } from './worker/parseProtocol';

/** The parse did not finish in time; the worker was stopped. */
export class ParseTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Reading the index took longer than ${timeoutMs / 1000} s and was stopped.`);
  }
}

interface WorkerLike {
  postMessage(message: ParseRequest): void;
  terminate(): unknown;
}

/**
 * Builds the catalog from index markdown and entry data in a worker (a Node
 * worker thread, or a Web Worker in the web extension host), so that no input
 * can stall the extension host. Rejects with ParseTimeout when `timeoutMs`
 * passes first.
 */
export function parseOffThread(workerScript: vscode.Uri, request: ParseRequest, timeoutMs: number): Promise<CatalogData> {
  return new Promise<CatalogData>((resolve, reject) => {
    let worker: WorkerLike | undefined;
    let settled = false;
    const timer = setTimeout(() => finish(() => reject(new ParseTimeout(timeoutMs))), timeoutMs);
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker?.terminate();
      settle();
    };
    const onReply = (reply: ParseReply) => finish(() => (reply.ok ? resolve(reply.result) : reject(new Error(reply.error))));
    const onError = (err: unknown) => finish(() => reject(err instanceof Error ? err : new Error(String(err))));
    startWorker(workerScript, onReply, onError).then(
      (started) => {
        // A deadline that passed while the worker was starting has settled the promise already.
        if (settled) return void started.terminate();
        worker = started;
        started.postMessage(request);
      },
      onError,
    );
  });
}

async function startWorker(script: vscode.Uri, onReply: (reply: ParseReply) => void, onError: (err: unknown) => void): Promise<WorkerLike> {
  const WebWorker = (globalThis as { Worker?: new (url: string) => Worker }).Worker;
  if (isWebWorker() && WebWorker) {
    // A worker's script must come from the page's own origin, which the extension's files
    // need not share (vscode.dev serves them from a CDN): the script is fetched and started
    // from a blob: URL, which the web extension host's policy allows for workers.
    const response = await fetch(script.toString(true));
    if (!response.ok) throw new Error(`the parse worker script could not be loaded (${response.status})`);
    const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
    const worker = new WebWorker(url);
    worker.onmessage = (event: MessageEvent<ParseReply>) => onReply(event.data);
    worker.onerror = (event) => onError(new Error(event.message || 'the parse worker failed'));
    return {
      postMessage: (message) => worker.postMessage(message),
      terminate: () => {
        worker.terminate();
        URL.revokeObjectURL(url);
      },
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(script.fsPath);
  worker.on('message', onReply);
  worker.on('error', onError);
  worker.on('exit', (code) => onError(new Error(`the parse worker stopped (exit ${code})`)));
  return worker;
}
