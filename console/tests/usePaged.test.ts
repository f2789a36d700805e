import { describe, expect, it, vi } from 'vitest'
import { usePaged } from '../src/composables/usePaged'

describe('server-side paging with cursors', () => {
  const load = vi.fn(async (cursor: string | null) => {
    const page = cursor ? Number(cursor.slice(1)) : 1
    return { items: [`item-${page}`], nextCursor: page < 3 ? `c${page + 1}` : null }
  })

  it('goes forward with the server\'s cursor and back by re-reading the page before', async () => {
    const p = usePaged(load)
    await p.reload()
    expect([p.items.value, p.page.value, p.hasNext.value, p.hasPrev()]).toEqual([['item-1'], 1, true, false])
    await p.next()
    await p.next()
    expect([p.items.value, p.page.value, p.hasNext.value]).toEqual([['item-3'], 3, false])
    await p.next() // no further page: nothing asked
    expect(load).toHaveBeenLastCalledWith('c3')
    await p.prev()
    expect([p.items.value, p.page.value]).toEqual([['item-2'], 2])
    expect(load).toHaveBeenLastCalledWith('c2')
    await p.refresh()
    expect(load).toHaveBeenLastCalledWith('c2')
    await p.reload()
    expect([p.items.value, p.page.value]).toEqual([['item-1'], 1])
  })

  it('keeps the error for the page to show, and an answer that comes late never overwrites a newer one', async () => {
    let resolveSlow: (v: { items: string[] }) => void = () => undefined
    const calls: string[] = []
    const p = usePaged<string>((cursor): Promise<{ items: string[]; nextCursor?: string | null }> => {
      calls.push(String(cursor))
      if (calls.length === 1) return new Promise<{ items: string[] }>((r) => (resolveSlow = r))
      if (calls.length === 2) return Promise.resolve({ items: ['fresh'], nextCursor: null })
      return Promise.reject(new Error('boom'))
    })
    const first = p.reload()
    await p.reload()
    resolveSlow({ items: ['stale'] })
    await first
    expect(p.items.value).toEqual(['fresh'])
    await p.reload()
    expect(p.error.value).toBeInstanceOf(Error)
    expect(p.items.value).toEqual([])
    expect(p.loading.value).toBe(false)
  })
})
