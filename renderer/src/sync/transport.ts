// A fetch for PouchDB's HTTP adapter that sends every request through the desktop API's
// syncFetch: main in the desktop app (which adds the credentials and allows only the
// configured server), the page itself in the browser build (io/syncBrowser.ts).
import type { SyncFetchRequest, SyncFetchResponse } from '../../../electron/shared/contract';

export interface SyncSender {
  syncFetch(request: SyncFetchRequest): Promise<SyncFetchResponse>;
  syncAbort(id: string): Promise<void>;
}

let serial = 0;

export function transportFetch(sender: SyncSender): (url: string, init?: RequestInit) => Promise<Response> {
  return async (url, init = {}) => {
    const id = `${Date.now().toString(36)}-${(serial++).toString(36)}`;
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = [...new Headers(init.headers).entries()];
    const body =
      init.body === undefined || init.body === null
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : await new Response(init.body).text();
    const signal = init.signal ?? undefined;
    const aborted = () => new DOMException('The request was aborted', 'AbortError');
    if (signal?.aborted) throw aborted();
    const onAbort = () => void sender.syncAbort(id);
    signal?.addEventListener('abort', onAbort);
    try {
      const request: SyncFetchRequest = { id, url: String(url), method, headers };
      if (body !== undefined) request.body = body;
      const response = await sender.syncFetch(request);
      const empty = method === 'HEAD' || response.status === 204 || response.status === 304;
      return new Response(empty ? null : (response.body as Uint8Array<ArrayBuffer>), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (signal?.aborted) throw aborted();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
