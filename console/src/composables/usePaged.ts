import { ref, shallowRef, type Ref } from 'vue'
import type { Page } from '../api/types'

/**
 * Server-side paging with the API's opaque cursors: a stack of the cursors of the pages seen, so
 * "previous" re-reads the page before (the API has no backwards cursor and no total count).
 */
export function usePaged<T>(load: (cursor: string | null) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([]) as Ref<T[]>
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const page = ref(1)
  const hasNext = ref(false)
  let cursors: (string | null)[] = [null]
  let next: string | null = null
  let generation = 0

  async function fetchAt(index: number): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const result = await load(cursors[index])
      if (mine !== generation) return
      items.value = result.items
      next = result.nextCursor ?? null
      hasNext.value = !!next
      page.value = index + 1
      cursors = cursors.slice(0, index + 1)
    } catch (e) {
      if (mine !== generation) return
      error.value = e
      items.value = []
      hasNext.value = false
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return {
    items, loading, error, page, hasNext,
    hasPrev: () => page.value > 1,
    /** From the first page (after the filters changed). */
    reload: () => {
      cursors = [null]
      return fetchAt(0)
    },
    /** The same page again (after an action). */
    refresh: () => fetchAt(page.value - 1),
    next: async () => {
      if (!next) return
      cursors = [...cursors.slice(0, page.value), next]
      await fetchAt(page.value)
    },
    prev: async () => {
      if (page.value > 1) await fetchAt(page.value - 2)
    },
  }
}
