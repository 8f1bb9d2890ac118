// Routes of the console. meta.perm names the permission a page needs; the layout shows the
// 无权限 page in its place when the account lacks it, and the menu leaves it out. A page that is
// not in the menu names the item to highlight (meta.menu) and its breadcrumb parent (meta.parent).
import { createRouter, createWebHashHistory } from 'vue-router'
import { session, loadMe } from './session.js'
import MainLayout from './layouts/MainLayout.vue'
import LoginPage from './pages/LoginPage.vue'
import ForbiddenPage from './pages/ForbiddenPage.vue'

export const routes = [
  { path: '/login', name: 'login', component: LoginPage, meta: { public: true, title: '登录' } },
  {
    path: '/',
    component: MainLayout,
    children: [
      { path: '', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { title: '首页' } },
      { path: 'regions', name: 'regions', component: () => import('./pages/RegionsPage.vue'), meta: { title: '行政区划' } },
      { path: 'people', name: 'people', component: () => import('./pages/PeoplePage.vue'), meta: { title: '人员台账', perm: 'person:read' } },
      { path: 'people/stats', name: 'people-stats', component: () => import('./pages/PeopleStatsPage.vue'), meta: { title: '漏斗统计', perm: 'person:read' } },
      { path: 'people/import', name: 'people-import', component: () => import('./pages/ImportPage.vue'), meta: { title: '批量导入', perm: 'person:import', importKind: 'people' } },
      { path: 'people/duplicates', name: 'people-duplicates', component: () => import('./pages/DuplicatesPage.vue'), meta: { title: '疑似重复', perm: 'person:read' } },
      {
        path: 'people/vocabularies',
        name: 'people-vocabularies',
        component: () => import('./pages/VocabulariesPage.vue'),
        meta: { title: '字典管理', perm: ['person:read', 'vocabulary:write'] }
      },
      {
        path: 'people/:id(\\d+)',
        name: 'person-file',
        component: () => import('./pages/PersonFilePage.vue'),
        // menu: the side-menu item it belongs to; parent: the breadcrumb step above it.
        meta: { title: '一人一档', perm: 'person:read', menu: '/people', parent: { path: '/people', title: '人员台账' } }
      },
      { path: 'policies', name: 'policies', component: () => import('./pages/PoliciesPage.vue'), meta: { title: '政策清单', perm: 'policy:read' } },
      { path: 'policies/evaluate', name: 'policy-evaluate', component: () => import('./pages/PolicyEvaluatePage.vue'), meta: { title: '政策评估', perm: 'policy:read' } },
      {
        path: 'policies/:id(\\d+)/matches',
        name: 'policy-matches',
        component: () => import('./pages/PolicyMatchesPage.vue'),
        meta: { title: '政策找人', perm: ['application:read'], menu: '/policies', parent: { path: '/policies', title: '政策清单' } }
      },
      { path: 'applications', name: 'applications', component: () => import('./pages/ApplicationsPage.vue'), meta: { title: '政策申请', perm: 'application:read' } },
      { path: 'merchants', name: 'merchants', component: () => import('./pages/MerchantsPage.vue'), meta: { title: '楚商名录', perm: 'merchant:read' } },
      {
        path: 'merchants/classification',
        name: 'merchant-classification',
        component: () => import('./pages/MerchantClassificationPage.vue'),
        meta: { title: '分类统计', perm: 'merchant:read' }
      },
      {
        path: 'merchants/freshness',
        name: 'merchant-freshness',
        component: () => import('./pages/MerchantFreshnessPage.vue'),
        meta: { title: '动态更新', perm: 'merchant:read' }
      },
      {
        path: 'merchants/chambers',
        name: 'merchant-chambers',
        component: () => import('./pages/MerchantChambersPage.vue'),
        meta: { title: '商会', perm: 'merchant:read' }
      },
      {
        path: 'merchants/stations',
        name: 'merchant-stations',
        component: () => import('./pages/MerchantStationsPage.vue'),
        meta: { title: '联络站点', perm: 'merchant:read' }
      },
      {
        path: 'tasks',
        name: 'tasks',
        component: () => import('./pages/TasksPage.vue'),
        meta: { title: '任务清单', perm: 'task:read' }
      },
      {
        path: 'tasks/reports',
        name: 'quarterly-reports',
        component: () => import('./pages/QuarterlyReportsPage.vue'),
        meta: { title: '信息报送', perm: 'report:read' }
      },
      {
        path: 'ventures',
        name: 'ventures',
        component: () => import('./pages/VenturesPage.vue'),
        meta: { title: '创业主体台账', perm: 'venture:read' }
      },
      {
        path: 'ventures/import',
        name: 'ventures-import',
        component: () => import('./pages/ImportPage.vue'),
        meta: { title: '主体导入', perm: 'venture:write', importKind: 'ventures' }
      },
      {
        path: 'merchants/import',
        name: 'merchants-import',
        component: () => import('./pages/ImportPage.vue'),
        meta: { title: '名录导入', perm: 'merchant:import', importKind: 'merchants' }
      },
      {
        path: 'merchants/ambassadors',
        name: 'merchant-ambassadors',
        component: () => import('./pages/MerchantAmbassadorsPage.vue'),
        meta: { title: '招商大使', perm: 'merchant:read' }
      },
      {
        path: 'merchants/:id(\\d+)',
        name: 'merchant-file',
        component: () => import('./pages/MerchantFilePage.vue'),
        meta: { title: '楚商档案', perm: 'merchant:read', menu: '/merchants', parent: { path: '/merchants', title: '楚商名录' } }
      },
      { path: 'system/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { title: '用户管理', perm: 'user:read' } },
      { path: 'system/roles', name: 'roles', component: () => import('./pages/RolesPage.vue'), meta: { title: '角色管理', perm: 'role:read' } },
      { path: 'system/departments', name: 'departments', component: () => import('./pages/DepartmentsPage.vue'), meta: { title: '部门管理', perm: 'department:read' } },
      { path: 'audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { title: '审计日志', perm: 'audit:read' } },
      { path: 'projects', name: 'projects', component: () => import('./pages/ProjectsPage.vue'), meta: { title: '项目列表', perm: 'project:read' } },
      { path: 'projects/board', name: 'project-board', component: () => import('./pages/ProjectBoardPage.vue'), meta: { title: '项目看板', perm: 'project:read' } },
      { path: 'projects/appeals', name: 'project-appeals', component: () => import('./pages/AppealsPage.vue'), meta: { title: '诉求办理', perm: 'project:read' } },
      { path: 'projects/approvals', name: 'project-approvals', component: () => import('./pages/ApprovalsPage.vue'), meta: { title: '审批提速', perm: 'project:read' } },
      { path: 'projects/offers', name: 'project-offers', component: () => import('./pages/OffersPage.vue'), meta: { title: '招商项目清单', perm: 'project:read' } },
      {
        path: 'projects/:id(\\d+)',
        name: 'project-file',
        component: () => import('./pages/ProjectFilePage.vue'),
        meta: { title: '项目档案', perm: 'project:read', menu: '/projects', parent: { path: '/projects', title: '项目列表' } }
      },
      { path: 'dashboard', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { title: '驾驶舱', perm: 'indicator:read' } },
      { path: 'targets', name: 'targets', component: () => import('./pages/TargetsPage.vue'), meta: { title: '目标任务', perm: 'indicator:read' } },
      { path: 'events', name: 'events', component: () => import('./pages/EventsPage.vue'), meta: { title: '活动台账', perm: 'event:read' } },
      { path: 'events/tally', name: 'event-tally', component: () => import('./pages/EventTallyPage.vue'), meta: { title: '场次统计', perm: 'event:read' } },
      { path: 'loans', name: 'loans', component: () => import('./pages/LoansPage.vue'), meta: { title: '担保贷款台账', perm: 'loan:read' } },
      { path: 'loans/products', name: 'loan-products', component: () => import('./pages/LoanProductsPage.vue'), meta: { title: '贷款产品', perm: 'loan:read' } },
      { path: 'loans/financing', name: 'financing', component: () => import('./pages/FinancingPage.vue'), meta: { title: '融资需求', perm: 'loan:read' } },
      { path: 'forbidden', name: 'forbidden', component: ForbiddenPage, meta: { title: '无权限' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: '页面不存在' } }
    ]
  }
]

export const router = createRouter({
  // Hash history: deep links work whatever the server answers for unknown paths.
  history: createWebHashHistory(),
  routes
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.me) {
    try {
      await loadMe()
    } catch (e) {
      return { name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    }
  }
  return true
})

router.afterEach((to) => {
  const title = to.meta.title
  document.title = title ? `${title} - 归雁` : '归雁 · 楚商回乡 返乡创业服务平台'
})
