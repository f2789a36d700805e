import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from './stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** Roles that may open the screen (none: every staff member). */
    roles?: string[]
    /** Screens outside the layout: sign-in, the big screen. */
    bare?: boolean
    public?: boolean
  }
}

const STAFF_COMMUNITY_UP = ['COMMUNITY_STAFF', 'STREET_STAFF', 'DISTRICT_STAFF', 'ADMIN']

// Every screen is its own chunk: the first load is the shell and the sign-in only.
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { title: '登录', bare: true, public: true } },
  { path: '/', name: 'workbench', component: () => import('./views/WorkbenchView.vue'), meta: { title: '工作台' } },
  { path: '/cases', name: 'cases', component: () => import('./views/CaseRegisterView.vue'), meta: { title: '事件台账' } },
  { path: '/cases/:caseId', name: 'case', component: () => import('./views/CaseDetailView.vue'), meta: { title: '事件详情' }, props: true },
  { path: '/dispatch', name: 'dispatch', component: () => import('./views/DispatchView.vue'), meta: { title: '调度督办' } },
  { path: '/map', name: 'map', component: () => import('./views/MapView.vue'), meta: { title: '一张图' } },
  { path: '/kpis', name: 'kpis', component: () => import('./views/KpiView.vue'), meta: { title: '考核排名' } },
  { path: '/big-screen', name: 'big-screen', component: () => import('./views/BigScreenView.vue'), meta: { title: '大屏', bare: true } },
  { path: '/volunteers', name: 'volunteers', component: () => import('./views/VolunteersView.vue'), meta: { title: '志愿服务', roles: STAFF_COMMUNITY_UP } },
  { path: '/territory', name: 'territory', component: () => import('./views/TerritoryView.vue'), meta: { title: '辖区与网格' } },
  { path: '/admin', name: 'admin', component: () => import('./views/AdminView.vue'), meta: { title: '系统管理', roles: STAFF_COMMUNITY_UP } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes })
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    const session = useSessionStore()
    if (!session.me) {
      try {
        await session.loadMe()
      } catch {
        session.me = null
      }
    }
    if (!session.me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    if (!session.isStaff) return { name: 'login', query: { reason: 'not-staff' } }
    if (!session.hasAnyRole(to.meta.roles)) return { name: 'workbench', query: { denied: String(to.meta.title ?? '') } }
    return true
  })
  router.afterEach((to) => {
    document.title = `${to.meta.title ?? ''} · 邻里工作台`
  })
  return router
}
