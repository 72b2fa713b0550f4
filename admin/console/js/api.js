// SPDX-License-Identifier: LGPL-2.1-or-later
// The admin JSON API (docs/admin-api.md). The session is an HttpOnly cookie; the CSRF token
// from the login (or GET /me) goes with every state-changing request.

const BASE = '/admin/api/v1';
let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || 'http_' + status;
    this.body = body;
  }
}

export function apiUrl(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== null && value !== undefined && value !== '')
      params.set(key, String(value));
  }
  const qs = params.toString();
  return BASE + path + (qs ? '?' + qs : '');
}

// GET requests started early (while the session is checked), taken once by api()
const prefetched = new Map();

/** starts a GET now, for a page that will ask for the same URL in a moment */
export function prefetch(path, query) {
  const promise = api('GET', path, {query, quiet: true});
  promise.catch(() => {}); // the page sees the error when it takes the result
  prefetched.set(apiUrl(path, query), promise);
}

/**
 * api('PUT', '/kb/x', {body: {...}}) → the parsed JSON (null for 204); throws ApiError.
 * @raw sends a string as is, with @contentType; @quiet does not report a 401.
 */
export async function api(method, path, {body, query, raw, contentType, quiet} = {}) {
  if (method === 'GET' && !quiet) {
    const early = prefetched.get(apiUrl(path, query));
    if (early) {
      prefetched.delete(apiUrl(path, query));
      try {
        return await early;
      } catch (e) {
        // e.g. a 401 before the login: ask again, now
      }
    }
  }
  const headers = {Accept: 'application/json'};
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (raw !== undefined) {
    headers['Content-Type'] = contentType || 'text/plain; charset=utf-8';
    init.body = raw;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken)
    headers['X-CSRF-Token'] = csrfToken;

  let res;
  try {
    res = await fetch(apiUrl(path, query), init);
  } catch (e) {
    throw new ApiError(0, 'network', e.message);
  }
  if (res.status === 204)
    return null;
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const err = data && typeof data === 'object' ? data.error || {} : {};
    const error = new ApiError(res.status, err.code, err.message, data);
    if (res.status === 401 && path !== '/session' && !quiet)
      window.dispatchEvent(new CustomEvent('cblue-unauthorized'));
    throw error;
  }
  return data;
}
