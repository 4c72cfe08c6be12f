import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, type FieldIssue, getCsrfToken } from './http';
import type { paths } from './schema.gen';

/**
 * The typed API client: every path, parameter and body is checked at compile time against the server's
 * OpenAPI document (schema.gen.ts), so the app cannot call a route the server does not have.
 */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const csrf: Middleware = {
  onRequest({ request }) {
    const token = getCsrfToken();
    if (request.method !== 'GET' && token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
};
client.use(csrf);

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  issues?: FieldIssue[];
}

/** Returns the data of a successful call, or throws an ApiError carrying the server's problem details. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const p = (error ?? {}) as Problem;
    throw new ApiError(response.status, p.detail ?? p.title ?? response.statusText, p.issues ?? [], p.code);
  }
  return data as T;
}
