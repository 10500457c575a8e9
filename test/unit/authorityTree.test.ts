import { describe, expect, it } from 'vitest'

import { ancestorIds, subtreeIds, subtreeIndex, wouldCreateCycle } from '@criteria/authorityTree'

// tỉnh 1 → huyện 2, 3; huyện 2 → xã 4, 5; xã 5 → thôn 6; a second province 7
const nodes = [
  { id: 1, parent: null },
  { id: 2, parent: 1 },
  { id: 3, parent: 1 },
  { id: 4, parent: 2 },
  { id: 5, parent: 2 },
  { id: 6, parent: 5 },
  { id: 7, parent: null },
]

describe('subtreeIds', () => {
  it.each([
    [1, [1, 2, 3, 4, 5, 6]],
    [2, [2, 4, 5, 6]],
    [3, [3]],
    [6, [6]],
    [7, [7]],
    [99, []],
  ])('below %s are %j', (rootId, expected) => {
    expect([...subtreeIds({ nodes, rootId })].sort()).toEqual(expected)
  })

  it('matches ids given as strings and numbers alike', () => {
    expect(subtreeIds({ nodes, rootId: '2' }).sort()).toEqual([2, 4, 5, 6])
  })

  it('terminates on a cycle already in stored data', () => {
    const cyclic = [
      { id: 1, parent: 2 },
      { id: 2, parent: 1 },
    ]
    expect(subtreeIds({ nodes: cyclic, rootId: 1 }).sort()).toEqual([1, 2])
  })
})

describe('subtreeIndex', () => {
  it('answers every root as subtreeIds does, the tree indexed once', () => {
    const below = subtreeIndex(nodes)
    for (const rootId of [1, 2, 3, 5, 6, 7, 99, '2']) expect(below(rootId)).toEqual(subtreeIds({ nodes, rootId }))
    expect([...below(1)].sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect(below(99)).toEqual([])
  })

  it('terminates on a cycle, asked twice', () => {
    const below = subtreeIndex([
      { id: 1, parent: 2 },
      { id: 2, parent: 1 },
    ])
    expect([...below(2)].sort()).toEqual([1, 2])
    expect([...below(1)].sort()).toEqual([1, 2])
  })
})

describe('wouldCreateCycle', () => {
  it.each([
    [2, 6, true], // under its own grandchild
    [2, 2, true], // under itself
    [2, 3, false], // under a sibling
    [6, 3, false], // a leaf moved elsewhere
    [1, null, false], // to the top
    [1, 7, false], // under another province
  ])('moving %s under %s: %s', (id, parentId, expected) => {
    expect(wouldCreateCycle({ id, nodes, parentId })).toBe(expected)
  })
})

describe('ancestorIds', () => {
  const nodes = [
    { id: 1, parent: null },
    { id: 2, parent: 1 },
    { id: 3, parent: 2 },
    { id: 7, parent: 8 },
    { id: 8, parent: 7 },
  ]
  it('lists the authority and those above it, nearest first', () => {
    expect(ancestorIds({ id: 3, nodes })).toEqual([3, 2, 1])
    expect(ancestorIds({ id: 1, nodes })).toEqual([1])
  })
  it('an unknown id has no ancestors, and a stored cycle ends', () => {
    expect(ancestorIds({ id: 42, nodes })).toEqual([])
    expect(ancestorIds({ id: 7, nodes })).toEqual([7, 8])
  })
})
