import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FetchCancelled, FetchError, fetchIndexText, type FetchLimits } from '../../src/upstream/fetchIndex';
import { ETAG, LAST_MODIFIED, startFaultServer, UPSTREAM_TEXT, type FaultServer } from '../fixtures/faultServer';

const LIMITS: FetchLimits = { timeoutMs: 1_500, maxBytes: 1_000_000 };

describe('fetching the index from the configured URL', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(async () => server.close());

  /** The FetchError's reason for a route, or a failure if the fetch succeeds. */
  async function reason(path: string, limits = LIMITS): Promise<string> {
    try {
      await fetchIndexText(server.url(path), undefined, limits);
    } catch (err) {
      assert.ok(err instanceof FetchError, `a FetchError, not ${String(err)}`);
      return err.reason;
    }
    assert.fail(`${path} was fetched without an error`);
  }

  test('the file, with the validators for the next, conditional request', async () => {
    const outcome = await fetchIndexText(server.url('/ok'), undefined, LIMITS);
    assert.equal(outcome.kind, 'fetched');
    assert.equal(outcome.kind === 'fetched' && outcome.text, UPSTREAM_TEXT);
    assert.deepEqual(outcome.kind === 'fetched' && outcome.validators, { etag: ETAG, lastModified: LAST_MODIFIED });
    const again = await fetchIndexText(server.url('/ok'), { etag: ETAG, lastModified: LAST_MODIFIED }, LIMITS);
    assert.deepEqual(again, { kind: 'notModified' });
    assert.deepEqual(server.requests.at(-1), { path: '/ok', ifNoneMatch: ETAG, ifModifiedSince: LAST_MODIFIED });
  });

  test('a redirect is followed on the same host only', async () => {
    const same = await fetchIndexText(server.url('/redirect-same-host'), undefined, LIMITS);
    assert.equal(same.kind === 'fetched' && same.url, server.url('/ok'));
    assert.match(await reason('/redirect-other-host'), /redirected to another host \(localhost:\d+\)/);
    assert.equal(server.requests.at(-1)?.path, '/redirect-other-host', 'the other host was not asked');
  });

  const faults: [string, RegExp][] = [
    ['/404', /answered 404 Not Found/],
    ['/500', /answered 500 Internal Server Error/],
    ['/timeout', /no complete answer within 2 s/],
    ['/stall', /no complete answer within 2 s/],
    ['/html', /an HTML page, not the index markdown/],
    ['/html-as-text', /an HTML page, not the index markdown/],
    ['/empty', /an empty file/],
    ['/huge', /larger than 1 MB/],
    ['/truncated', /closed before the file was complete|arrived incomplete/],
  ];
  for (const [path, expected] of faults) {
    test(`${path}: a clear reason`, async () => assert.match(await reason(path), expected));
  }

  test('addresses that are not http(s), or carry a password, are not fetched', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/README.md', 'not a url', `http://user:pw@127.0.0.1/ok`]) {
      await assert.rejects(fetchIndexText(url, undefined, LIMITS), FetchError, url);
    }
  });

  test('cancelling ends the request without an error to report', async () => {
    const cancel = new AbortController();
    const pending = fetchIndexText(server.url('/timeout'), undefined, { ...LIMITS, signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    await assert.rejects(pending, FetchCancelled);
  });
});
