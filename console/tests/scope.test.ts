import { describe, expect, it } from 'vitest'
import { departmentTargets, kpiUnits, overdueTargets, queueTargets } from '../src/domain/scope'

describe('what each grant puts in front of the user', () => {
  it('a street supervises its communities\' cases and its own; the district streets, departments and itself', () => {
    expect(overdueTargets([{ role: 'RESIDENT' }, { role: 'STREET_STAFF', node: 'DEMO-W' }], null).map((t) => [t.node, t.level]))
      .toEqual([['DEMO-W', 'COMMUNITY'], ['DEMO-W', 'STREET']])
    expect(overdueTargets([{ role: 'DISTRICT_STAFF', node: 'DEMO' }], null).map((t) => t.level)).toEqual(['STREET', 'DEPARTMENT', 'DISTRICT'])
    expect(overdueTargets([{ role: 'GRID_WORKER', node: 'DEMO-W1-G1' }], null)).toEqual([])
  })

  it('administrators, who hold no node, work from the map\'s root', () => {
    expect(overdueTargets([{ role: 'ADMIN' }], 'DEMO').map((t) => t.node)).toEqual(['DEMO', 'DEMO', 'DEMO'])
    expect(overdueTargets([{ role: 'ADMIN' }], null)).toEqual([])
    expect(queueTargets([{ role: 'ADMIN' }], 'DEMO')).toEqual([{ node: 'DEMO', title: 'DEMO 待派遣' }])
    expect(kpiUnits([{ role: 'ADMIN' }, { role: 'RESIDENT' }], 'DEMO')).toEqual(['DEMO'])
  })

  it('queues of community, street, district and department staff; no duplicates', () => {
    expect(queueTargets([{ role: 'COMMUNITY_STAFF', node: 'DEMO-W1' }, { role: 'COMMUNITY_STAFF', node: 'DEMO-W1' }, { role: 'DEPARTMENT_STAFF', node: 'DEMO-PS-W' },
      { role: 'GRID_WORKER', node: 'DEMO-W1-G1' }], null).map((t) => t.node)).toEqual(['DEMO-W1', 'DEMO-PS-W'])
    expect(departmentTargets([{ role: 'DEPARTMENT_STAFF', node: 'DEMO-CG' }, { role: 'STREET_STAFF', node: 'DEMO-W' }])).toEqual([{ node: 'DEMO-CG', title: 'DEMO-CG 吹哨任务' }])
  })

  it('KPI units are the user\'s own nodes and departments', () => {
    expect(kpiUnits([{ role: 'RESIDENT' }, { role: 'GRID_WORKER', node: 'DEMO-W1-G1' }, { role: 'DEPARTMENT_STAFF', node: 'DEMO-CG' }], null)).toEqual(['DEMO-W1-G1', 'DEMO-CG'])
  })
})
