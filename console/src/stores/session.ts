import { defineStore } from 'pinia'
import type { Me, Role } from '../api/types'
import { tokensFrom, type Tokens } from '../api/session'
import { STAFF_ROLES } from '../domain/labels'
import { useApi } from '../services'

/** Who is signed in (from GET /me; kept in memory only) and what the console offers him. */
export const useSessionStore = defineStore('session', {
  state: () => ({ me: null as Me | null, rootCode: null as string | null }),
  getters: {
    roles: (s): Role[] => s.me?.roles ?? [],
    isStaff(): boolean {
      return this.roles.some((r) => STAFF_ROLES.includes(r))
    },
    isAdmin(): boolean {
      return this.roles.includes('ADMIN')
    },
    /** Nodes (and department codes) the user works for, from his grants. */
    scope: (s): string[] => s.me?.scope ?? [],
    grants: (s) => s.me?.grants ?? [],
    /** The user's territorial nodes (not departments), highest first by path length of the code. */
    territoryNodes(): string[] {
      return this.grants.filter((g) => g.node && g.role !== 'DEPARTMENT_STAFF').map((g) => g.node!)
    },
    departmentCodes(): string[] {
      return this.grants.filter((g) => g.role === 'DEPARTMENT_STAFF' && g.node).map((g) => g.node!)
    },
    /** Communities whose volunteer service the user runs (community staff and above; admins pick any). */
    canRunVolunteers(): boolean {
      return this.roles.some((r) => ['COMMUNITY_STAFF', 'STREET_STAFF', 'DISTRICT_STAFF', 'ADMIN'].includes(r))
    },
    canImportTerritory(): boolean {
      return this.roles.some((r) => r === 'ADMIN' || r === 'DISTRICT_STAFF')
    },
  },
  actions: {
    hasAnyRole(roles: readonly string[] | undefined): boolean {
      return !roles || roles.length === 0 || this.roles.some((r) => roles.includes(r))
    },
    async loadMe(): Promise<Me | null> {
      const api = useApi()
      if (!api.client.session.signedIn) {
        this.me = null
        return null
      }
      this.me = await api.me()
      return this.me
    },
    /** The current map's root (the district), for admins who hold no node of their own. */
    async loadRoot(): Promise<string | null> {
      if (this.rootCode) return this.rootCode
      try {
        const v = await useApi().versions()
        this.rootCode = v.items.find((i) => i.current)?.rootCode ?? v.items[0]?.rootCode ?? null
      } catch {
        this.rootCode = null
      }
      return this.rootCode
    },
    signIn(tokens: Tokens) {
      useApi().client.session.set(tokens)
    },
    /** A token from the local dev login (no refresh token: the dev login is simply repeated). */
    async devSignIn(user: string) {
      const api = useApi()
      const r = await api.devLogin(user)
      api.client.session.set(tokensFrom({ accessToken: r.accessToken }))
      return this.loadMe()
    },
    signOut() {
      useApi().client.session.clear()
      this.me = null
      this.rootCode = null
    },
  },
})
