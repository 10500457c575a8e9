/**
 * Boundary changes (REGULATIONS §5: since 07/2025 the district tier is abolished and communes and
 * provinces merged): moving a unit or an authority under another parent, merging one into
 * another, abolishing an authority by moving its children up. The checks and "what moves where"
 * are plain functions of the tree; the history a survivor inherits from the units merged into it
 * is computed here too. Pure: the callers load the tree and write the result.
 */
import { subtreeIds } from './authorityTree'

export type BoundaryNode = { id: number | string; parent: number | string | null; isActive: boolean; name: string }

export type BoundaryUnit = { id: number | string; authority: number | string | null; isActive: boolean; mergedInto: number | string | null; name: string }

/** A refusal names the body field it is about (`authority`, `parent`, `into`, or '' for the record itself). */
export type BoundaryRefusal = { path: string; message: string }

const same = (a: number | string | null | undefined, b: number | string | null | undefined) => a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b)

const quote = (text: string) => `«${text}»`

const find = (nodes: readonly BoundaryNode[], id: number | string | null) => (id === null ? undefined : nodes.find((node) => same(node.id, id)))

/** Moving a unit under `authority`: the unit must still exist as itself, the new authority be active and different. */
export const checkUnitMove = ({ unit, target }: { unit: BoundaryUnit; target: BoundaryNode }): BoundaryRefusal | null => {
  if (unit.mergedInto !== null) return { message: `Đơn vị ${quote(unit.name)} đã được sáp nhập vào đơn vị khác, không chuyển cấp quản lý được.`, path: '' }
  if (same(unit.authority, target.id)) return { message: `Đơn vị ${quote(unit.name)} đã thuộc ${quote(target.name)}.`, path: 'authority' }
  if (!target.isActive) return { message: `${quote(target.name)} đã giải thể hoặc sáp nhập, không nhận thêm đơn vị.`, path: 'authority' }
  return null
}

/** Merging `absorbed` into `survivor`: two different units, the absorbed one not merged already, the survivor active. */
export const checkUnitMerge = ({ absorbed, survivor }: { absorbed: BoundaryUnit; survivor: BoundaryUnit }): BoundaryRefusal | null => {
  if (same(absorbed.id, survivor.id)) return { message: 'Không sáp nhập được một đơn vị vào chính nó.', path: 'into' }
  if (absorbed.mergedInto !== null) return { message: `Đơn vị ${quote(absorbed.name)} đã được sáp nhập vào đơn vị khác.`, path: '' }
  if (!survivor.isActive || survivor.mergedInto !== null) return { message: `Đơn vị nhận sáp nhập ${quote(survivor.name)} không còn hoạt động.`, path: 'into' }
  return null
}

/** Giving authority `id` the parent `parentId`: no cycle, an active parent, a real change. */
export const checkAuthorityMove = ({ nodes, id, parentId }: { nodes: readonly BoundaryNode[]; id: number | string; parentId: number | string }): BoundaryRefusal | null => {
  const node = find(nodes, id)
  const parent = find(nodes, parentId)
  if (!node || !parent) return { message: 'Không tìm thấy cấp quản lý.', path: node ? 'parent' : '' }
  if (!node.isActive) return { message: `${quote(node.name)} đã giải thể hoặc sáp nhập, không chuyển được.`, path: '' }
  if (subtreeIds({ nodes, rootId: id }).some((descendant) => same(descendant, parentId))) {
    return { message: `Cấp trên mới không thể là chính ${quote(node.name)} hoặc một cấp trực thuộc nó.`, path: 'parent' }
  }
  if (same(node.parent, parentId)) return { message: `${quote(node.name)} đã trực thuộc ${quote(parent.name)}.`, path: 'parent' }
  if (!parent.isActive) return { message: `${quote(parent.name)} đã giải thể hoặc sáp nhập, không nhận thêm cấp trực thuộc.`, path: 'parent' }
  return null
}

/** What a merge or an abolition moves: the authority's direct children and its units go to `receiver`. */
export type AuthorityDissolution = { absorbed: BoundaryNode; receiver: BoundaryNode; children: BoundaryNode[] }

const dissolution = ({ nodes, node, receiver }: { nodes: readonly BoundaryNode[]; node: BoundaryNode; receiver: BoundaryNode }): AuthorityDissolution => ({
  absorbed: node,
  children: nodes.filter((child) => same(child.parent, node.id)),
  receiver,
})

/** Merging authority `id` into `intoId`: its units and child authorities move to the survivor, which may not lie below it. */
export const planAuthorityMerge = ({ nodes, id, intoId }: { nodes: readonly BoundaryNode[]; id: number | string; intoId: number | string }): AuthorityDissolution | BoundaryRefusal => {
  const node = find(nodes, id)
  const into = find(nodes, intoId)
  if (!node || !into) return { message: 'Không tìm thấy cấp quản lý.', path: node ? 'into' : '' }
  if (!node.isActive) return { message: `${quote(node.name)} đã giải thể hoặc sáp nhập.`, path: '' }
  if (same(id, intoId)) return { message: 'Không sáp nhập được một cấp quản lý vào chính nó.', path: 'into' }
  if (subtreeIds({ nodes, rootId: id }).some((descendant) => same(descendant, intoId))) {
    return { message: `Cấp nhận sáp nhập không thể là một cấp trực thuộc ${quote(node.name)}.`, path: 'into' }
  }
  if (!into.isActive) return { message: `${quote(into.name)} đã giải thể hoặc sáp nhập, không nhận sáp nhập được.`, path: 'into' }
  return dissolution({ node, nodes, receiver: into })
}

/** Abolishing authority `id` ("giải thể cấp"): its units and child authorities move up to its parent. */
export const planAbolition = ({ nodes, id }: { nodes: readonly BoundaryNode[]; id: number | string }): AuthorityDissolution | BoundaryRefusal => {
  const node = find(nodes, id)
  if (!node) return { message: 'Không tìm thấy cấp quản lý.', path: '' }
  if (!node.isActive) return { message: `${quote(node.name)} đã giải thể hoặc sáp nhập.`, path: '' }
  const parent = find(nodes, node.parent)
  if (!parent) return { message: `${quote(node.name)} là cấp cao nhất: không có cấp trên để nhận các đơn vị, không giải thể được.`, path: '' }
  if (!parent.isActive) return { message: `Cấp trên ${quote(parent.name)} đã giải thể hoặc sáp nhập; hãy chuyển ${quote(node.name)} sang cấp khác trước.`, path: '' }
  return dissolution({ node, nodes, receiver: parent })
}

export const isRefusal = (value: unknown): value is BoundaryRefusal =>
  typeof value === 'object' && value !== null && 'message' in value && 'path' in value && !('absorbed' in value)

/** A merge link as stored on the absorbed unit: into whom, and whether its recognitions count as the survivor's prerequisite. */
export type MergeLink = { id: number | string; mergedInto: number | string | null; carriesPrerequisite: boolean }

/**
 * The units merged into `survivorId`, directly or through a chain (A → B → C: both A and B are
 * C's). With `onlyCarrying`, only along links whose merge said the absorbed unit's recognitions
 * count for the survivor's next level: every link of the chain must say so. A cycle in stored data
 * stops the walk.
 */
export const mergedInto = ({ links, survivorId, onlyCarrying = false }: { links: readonly MergeLink[]; survivorId: number | string; onlyCarrying?: boolean }): (number | string)[] => {
  const found: (number | string)[] = []
  const seen = new Set<string>([String(survivorId)])
  const queue: (number | string)[] = [survivorId]
  while (queue.length > 0) {
    const current = queue.shift() as number | string
    for (const link of links) {
      if (!same(link.mergedInto, current) || seen.has(String(link.id))) continue
      if (onlyCarrying && !link.carriesPrerequisite) continue
      seen.add(String(link.id))
      found.push(link.id)
      queue.push(link.id)
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// What changed since a round (copy to next year)

export type UnitSince = { id: number | string; name: string; code: string | null; createdAt: string; updatedAt: string; isActive: boolean; mergedInto: number | string | null }

export type AccountSince = { id: number | string; email: string; name: string | null; unit: number | string | null }

export type ChangeUnitRow = { id: number | string; name: string; code: string | null }

export type ChangesSince = {
  added: ChangeUnitRow[]
  merged: (ChangeUnitRow & { mergedInto: number | string; mergedIntoName: string | null })[]
  deactivated: ChangeUnitRow[]
  /** unit-editor accounts whose unit is inactive or merged ("tài khoản không còn đơn vị") */
  accountsWithoutUnit: (AccountSince & { unitName: string | null })[]
}

const row = (unit: UnitSince): ChangeUnitRow => ({ code: unit.code, id: unit.id, name: unit.name })

/**
 * The units added, merged or deactivated since `since` (an ISO instant: the source round's
 * creation) among `units`, and the accounts left without a working unit. A unit added and then
 * merged or deactivated within the period counts as merged or deactivated only.
 */
export const changesSince = ({ since, units, accounts }: { since: string; units: readonly UnitSince[]; accounts: readonly AccountSince[] }): ChangesSince => {
  const after = (instant: string) => Date.parse(instant) > Date.parse(since)
  const byId = new Map(units.map((unit) => [String(unit.id), unit]))
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi')
  const gone = (unit: UnitSince) => !unit.isActive || unit.mergedInto !== null
  return {
    accountsWithoutUnit: accounts
      .filter((account) => {
        const unit = account.unit === null ? undefined : byId.get(String(account.unit))
        return unit !== undefined && gone(unit)
      })
      .map((account) => ({ ...account, unitName: byId.get(String(account.unit))?.name ?? null }))
      .sort((a, b) => a.email.localeCompare(b.email)),
    added: units.filter((unit) => !gone(unit) && after(unit.createdAt)).map(row).sort(byName),
    deactivated: units.filter((unit) => !unit.isActive && unit.mergedInto === null && after(unit.updatedAt)).map(row).sort(byName),
    merged: units
      .filter((unit) => unit.mergedInto !== null && after(unit.updatedAt))
      .map((unit) => ({ ...row(unit), mergedInto: unit.mergedInto as number | string, mergedIntoName: byId.get(String(unit.mergedInto))?.name ?? null }))
      .sort(byName),
  }
}
