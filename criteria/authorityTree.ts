/**
 * The administrative tree (tỉnh → huyện → xã, or tỉnh → xã since 07/2025) as plain data.
 * Access rules scope an authority-admin to its subtree; these pure functions compute it.
 */
export type AuthorityNode = { id: number | string; parent: number | string | null }

/**
 * The tree indexed once: a function giving the ids of `rootId` and every authority below it
 * (unknown roots give an empty list). Asking it for many roots costs one pass over the nodes plus
 * each subtree's size, not one pass over the whole tree per root: the system admin's start page asks
 * it for every open round of the country (734 rounds, 734 authorities in the national bench).
 */
export const subtreeIndex = (nodes: readonly AuthorityNode[]) => {
  const key = (id: number | string) => String(id)
  const children = new Map<string, AuthorityNode[]>()
  const byId = new Map<string, AuthorityNode>()
  for (const node of nodes) {
    if (!byId.has(key(node.id))) byId.set(key(node.id), node)
    if (node.parent === null) continue
    const siblings = children.get(key(node.parent)) ?? []
    siblings.push(node)
    children.set(key(node.parent), siblings)
  }
  return (rootId: number | string): (number | string)[] => {
    const root = byId.get(key(rootId))
    if (!root) return []
    const seen = new Set<string>()
    const result: (number | string)[] = []
    const queue: AuthorityNode[] = [root]
    for (let at = 0; at < queue.length; at += 1) {
      const node = queue[at]
      if (seen.has(key(node.id))) continue // a cycle in stored data must not loop forever
      seen.add(key(node.id))
      result.push(node.id)
      queue.push(...(children.get(key(node.id)) ?? []))
    }
    return result
  }
}

/** Ids of `rootId` and every authority below it. Unknown roots give an empty list. */
export const subtreeIds = ({ nodes, rootId }: { nodes: readonly AuthorityNode[]; rootId: number | string }) => subtreeIndex(nodes)(rootId)

/** True when giving `id` the parent `parentId` would make the tree a cycle. */
export const wouldCreateCycle = ({
  nodes,
  id,
  parentId,
}: {
  nodes: readonly AuthorityNode[]
  id: number | string
  parentId: number | string | null
}) => {
  if (parentId === null) return false
  return subtreeIds({ nodes, rootId: id }).some((descendant) => String(descendant) === String(parentId))
}

/** `id` and the authorities above it, nearest first; stops at a cycle in stored data. */
export const ancestorIds = ({ nodes, id }: { nodes: readonly AuthorityNode[]; id: number | string }) => {
  const byId = new Map(nodes.map((node) => [String(node.id), node]))
  const result: (number | string)[] = []
  let node = byId.get(String(id))
  while (node && !result.some((seen) => String(seen) === String(node?.id))) {
    result.push(node.id)
    node = node.parent === null ? undefined : byId.get(String(node.parent))
  }
  return result
}
