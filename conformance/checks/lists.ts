// Reading lists the way a client does: page after page, with the `limit` and `page` parameters.
import type { Reply, Session } from './session.js';

/** Whether a list holds the object, looking at up to `maxPages` pages of 100 (newest first when it can sort). */
export async function listHolds(session: Session, listPath: string, id: number, options: { newestFirst: boolean; maxPages?: number }): Promise<{ found: boolean; pages: number }> {
  const maxPages = options.maxPages ?? 20;
  for (let page = 1; page <= maxPages; page += 1) {
    const reply = await session.send('GET', withQuery(listPath, { limit: 100, page, ...(options.newestFirst ? { sort: '-created_at' } : {}) }));
    if (!session.expectStatus(reply, 200, `listing ${listPath}`)) return { found: false, pages: page };
    const items = Array.isArray(reply.json?.data) ? reply.json.data : [];
    if (items.some((item: { id?: unknown }) => Number(item.id) === id)) return { found: true, pages: page };
    if (items.length === 0 || page >= lastPage(reply)) return { found: false, pages: page };
  }
  return { found: false, pages: maxPages };
}

export function lastPage(reply: Reply): number {
  const last = reply.json?.meta?.last_page;
  return typeof last === 'number' ? last : 1;
}

/** Appends query parameters to a path that may already have some. */
export function withQuery(path: string, query: Record<string, string | number>): string {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `${path}${path.includes('?') ? '&' : '?'}${search}`;
}
