// The parse worker: reads index markdown and entry data into the catalog, off
// the extension host's thread (parsing with marked, checking the data against
// its schema, rendering summaries). Bundled to dist/parseWorker.js; the same
// file runs as a Web Worker (web extension host) and as a Node worker thread
// (desktop and remote hosts). The extension host's bundle holds none of this.
import * as l10n from '@vscode/l10n';
import { catalogFromSources } from '../core/catalogBuild';
import { describeError } from '../core/describe';
import { parseIndex } from '../core/parseIndex';
import { isWebWorker } from '../runtime';
import type { ParseReply, ParseRequest } from './parseProtocol';

function run(request: ParseRequest): ParseReply {
  try {
    // The problems are reported in the extension's display language.
    l10n.config({ contents: request.l10n ?? {} });
    const parse = (markdown: string) => parseIndex(markdown, request.baseUrl ? { baseUrl: request.baseUrl } : {});
    const { index, entries, problems } = catalogFromSources(request.markdown, request.data, parse, { indexSource: request.indexSource, foreign: request.foreign });
    // Plain data only: the lookup function cannot cross to the extension host.
    return { ok: true, result: { index, entries, problems } };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

interface WorkerScope {
  onmessage: ((event: { data: ParseRequest }) => void) | null;
  postMessage(reply: ParseReply): void;
}
const scope = globalThis as unknown as Partial<WorkerScope>;

if (isWebWorker()) {
  scope.onmessage = (event) => scope.postMessage?.(run(event.data));
} else {
  // A Node worker thread: its require is Node's.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  parentPort?.on('message', (request: ParseRequest) => parentPort.postMessage(run(request)));
}
