/**
 * Boundary changes as plain functions (criteria/boundary.ts): what a move, a merge or an abolition
 * refuses and what each moves where; the units whose history and prerequisite a survivor inherits
 * through chains of merges; what changed in a round's map since it was set up.
 */
import { describe, expect, it } from 'vitest'

import { changesSince, checkAuthorityMove, checkUnitMerge, checkUnitMove, isRefusal, mergedInto, planAbolition, planAuthorityMerge, type BoundaryNode, type BoundaryUnit } from '@criteria/boundary'

// tỉnh 1 → huyện 2 (xã 4, 5), huyện 3; huyện 8 already merged (inactive); a second province 7
const node = (id: number, parent: number | null, isActive = true): BoundaryNode => ({ id, isActive, name: `CQ ${id}`, parent })
const nodes = [node(1, null), node(2, 1), node(3, 1), node(4, 2), node(5, 2), node(7, null), node(8, 1, false)]

const unit = (id: number, overrides: Partial<BoundaryUnit> = {}): BoundaryUnit => ({ authority: 2, id, isActive: true, mergedInto: null, name: `ĐV ${id}`, ...overrides })

describe('moving a unit', () => {
  it('is allowed to another active authority', () => {
    expect(checkUnitMove({ target: node(3, 1), unit: unit(10) })).toBeNull()
  })
  it.each([
    ['its own authority', unit(10), node(2, 1), 'authority', 'đã thuộc'],
    ['an inactive authority', unit(10), node(8, 1, false), 'authority', 'không nhận thêm đơn vị'],
    ['a unit merged already', unit(10, { isActive: false, mergedInto: 11 }), node(3, 1), '', 'đã được sáp nhập'],
  ])('refuses %s', (_, moved, target, path, words) => {
    const refusal = checkUnitMove({ target, unit: moved })
    expect(refusal?.path).toBe(path)
    expect(refusal?.message).toContain(words)
  })
})

describe('merging a unit', () => {
  it('is allowed into another active unit, even an inactive absorbed one', () => {
    expect(checkUnitMerge({ absorbed: unit(10, { isActive: false }), survivor: unit(11) })).toBeNull()
  })
  it.each([
    ['into itself', unit(10), unit(10), 'into'],
    ['a unit merged already', unit(10, { mergedInto: 12 }), unit(11), ''],
    ['into an inactive unit', unit(10), unit(11, { isActive: false }), 'into'],
    ['into a merged unit', unit(10), unit(11, { mergedInto: 12 }), 'into'],
  ])('refuses %s', (_, absorbed, survivor, path) => {
    expect(checkUnitMerge({ absorbed, survivor })?.path).toBe(path)
  })
})

describe('moving an authority', () => {
  it('is allowed under another active authority, also of another province', () => {
    expect(checkAuthorityMove({ id: 4, nodes, parentId: 3 })).toBeNull()
    expect(checkAuthorityMove({ id: 2, nodes, parentId: 7 })).toBeNull()
  })
  it.each([
    ['under itself', 2, 2, 'Cấp trên mới không thể'],
    ['under its own child (a cycle)', 2, 4, 'Cấp trên mới không thể'],
    ['under its grandchild (a cycle)', 1, 5, 'Cấp trên mới không thể'],
    ['under its present parent', 4, 2, 'đã trực thuộc'],
    ['under an inactive authority', 4, 8, 'không nhận thêm'],
    ['an unknown parent', 4, 99, 'Không tìm thấy'],
  ])('refuses %s', (_, id, parentId, words) => {
    const refusal = checkAuthorityMove({ id, nodes, parentId })
    expect(refusal?.path).toBe('parent')
    expect(refusal?.message).toContain(words)
  })
  it('refuses an inactive authority itself', () => {
    expect(checkAuthorityMove({ id: 8, nodes, parentId: 3 })?.path).toBe('')
  })
})

describe('merging an authority', () => {
  it('moves its direct children to the survivor', () => {
    const plan = planAuthorityMerge({ id: 2, intoId: 3, nodes })
    if (isRefusal(plan)) throw new Error(plan.message)
    expect(plan.receiver.id).toBe(3)
    expect(plan.children.map((child) => child.id)).toEqual([4, 5])
  })
  it.each([
    ['into itself', 2, 2],
    ['into its own child', 2, 4],
    ['into an inactive authority', 2, 8],
    ['into an unknown one', 2, 99],
  ])('refuses %s, naming «into»', (_, id, intoId) => {
    const plan = planAuthorityMerge({ id, intoId, nodes })
    expect(isRefusal(plan) && plan.path).toBe('into')
  })
  it('refuses an authority merged already', () => {
    const plan = planAuthorityMerge({ id: 8, intoId: 3, nodes })
    expect(isRefusal(plan) && plan.path).toBe('')
  })
})

describe('abolishing an authority (giải thể cấp)', () => {
  it('moves its children up to its parent', () => {
    const plan = planAbolition({ id: 2, nodes })
    if (isRefusal(plan)) throw new Error(plan.message)
    expect(plan.receiver.id).toBe(1)
    expect(plan.children.map((child) => child.id)).toEqual([4, 5])
  })
  it('moves nothing but itself when it has no children', () => {
    const plan = planAbolition({ id: 3, nodes })
    expect(!isRefusal(plan) && plan.children).toEqual([])
  })
  it.each([
    ['a top level', 1, 'cấp cao nhất'],
    ['an inactive one', 8, 'đã giải thể'],
    ['an unknown one', 99, 'Không tìm thấy'],
  ])('refuses %s', (_, id, words) => {
    const plan = planAbolition({ id, nodes })
    expect(isRefusal(plan) && plan.message).toContain(words)
  })
  it('refuses when the parent is inactive', () => {
    const plan = planAbolition({ id: 9, nodes: [...nodes, node(9, 8)] })
    expect(isRefusal(plan) && plan.message).toContain('hãy chuyển')
  })
})

describe('units merged into a survivor', () => {
  // 11 → 10 (carries), 12 → 11 (carries), 13 → 10 (does not), 14 → 13 (carries), 15 → 20
  const links = [
    { carriesPrerequisite: true, id: 11, mergedInto: 10 },
    { carriesPrerequisite: true, id: 12, mergedInto: 11 },
    { carriesPrerequisite: false, id: 13, mergedInto: 10 },
    { carriesPrerequisite: true, id: 14, mergedInto: 13 },
    { carriesPrerequisite: true, id: 15, mergedInto: 20 },
  ]
  it('reaches every unit merged in, through chains', () => {
    expect(mergedInto({ links, survivorId: 10 }).sort()).toEqual([11, 12, 13, 14])
  })
  it('for the prerequisite, follows only merges that said so, on every link of the chain', () => {
    expect(mergedInto({ links, onlyCarrying: true, survivorId: 10 }).sort()).toEqual([11, 12])
  })
  it('an absorbed unit inherits nothing from its survivor, nor a unit with no merges', () => {
    expect(mergedInto({ links, survivorId: 11 })).toEqual([12])
    expect(mergedInto({ links, survivorId: 30 })).toEqual([])
  })
  it('stops at a cycle in stored data', () => {
    expect(mergedInto({ links: [{ carriesPrerequisite: true, id: 1, mergedInto: 2 }, { carriesPrerequisite: true, id: 2, mergedInto: 1 }], survivorId: 1 })).toEqual([2])
  })
})

describe('what changed since a round', () => {
  const since = '2026-03-01T00:00:00.000Z'
  const before = '2026-01-01T00:00:00.000Z'
  const after = '2026-06-01T00:00:00.000Z'
  const row = (id: number, overrides: Partial<Parameters<typeof changesSince>[0]['units'][number]> = {}) => ({ code: `U${id}`, createdAt: before, id, isActive: true, mergedInto: null, name: `ĐV ${id}`, updatedAt: before, ...overrides })
  const units = [
    row(1),
    row(2, { createdAt: after, updatedAt: after }),
    row(3, { isActive: false, mergedInto: 1, updatedAt: after }),
    row(4, { isActive: false, updatedAt: after }),
    row(5, { isActive: false, updatedAt: before }),
    row(6, { createdAt: after, isActive: false, updatedAt: after }),
    row(7, { createdAt: since, updatedAt: since }),
  ]
  const accounts = [
    { email: 'a@x.vn', id: 1, name: 'A', unit: 1 },
    { email: 'c@x.vn', id: 3, name: 'C', unit: 3 },
    { email: 'b@x.vn', id: 2, name: 'B', unit: 4 },
    { email: 'n@x.vn', id: 4, name: 'N', unit: null },
  ]
  const changes = changesSince({ accounts, since, units })
  it('lists units added after the round, not those added and gone again, nor at the very instant', () => {
    expect(changes.added.map((unit) => unit.id)).toEqual([2])
  })
  it('lists merges with the survivor, and deactivations after the round only', () => {
    expect(changes.merged).toEqual([{ code: 'U3', id: 3, mergedInto: 1, mergedIntoName: 'ĐV 1', name: 'ĐV 3' }])
    expect(changes.deactivated.map((unit) => unit.id)).toEqual([4, 6])
  })
  it('lists the accounts whose unit is merged or inactive (tài khoản không còn đơn vị)', () => {
    expect(changes.accountsWithoutUnit.map((account) => [account.email, account.unitName])).toEqual([
      ['b@x.vn', 'ĐV 4'],
      ['c@x.vn', 'ĐV 3'],
    ])
  })
})
