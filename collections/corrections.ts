/**
 * The admin's correction action: `POST /api/{collection}/{id}/corrections` with
 * `{ changes: { field: value }, reason }`. The only way to change a value a workflow step owns
 * after the fact (e.g. the team's conclusion recorded wrongly): admin only, only the fields and
 * states the collection's write rules list under `corrections`, with a reason, in one transaction
 * with its audit row (old and new values, who, why). Everything else answers 4xx and changes nothing.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'
import { z } from 'zod'

import type { WriteRules } from '@criteria/fieldRules'

import { writeAuditEvent } from '@hooks/audit'

import { isAdmin } from './access/roles'


type Problem = { message: string; path: string }

const json = (status: number, errors: Problem[]) => Response.json({ errors }, { status })

/** The request body as JSON; a body that is not JSON is `Symbol.for('invalid-json')`. */
export const readJson = async (req: PayloadRequest): Promise<unknown> => {
  try {
    return req.json ? await req.json() : undefined
  } catch {
    return Symbol.for('invalid-json')
  }
}

export type CorrectionCheck = (args: { req: PayloadRequest; doc: Record<string, unknown>; changes: Record<string, unknown> }) => Promise<Problem[]> | Problem[]

/** The fields that tie a document to its scope, recorded with the audit row. */
export type AuditScope = (doc: Record<string, unknown>) => { authority?: number | string | null; round?: number | string | null; unit?: number | string | null }

export const correctionEndpoint = ({
  collection,
  rules,
  labels,
  check,
  scope,
}: {
  collection: 'self-assessments'
  rules: WriteRules
  labels: Readonly<Record<string, string>>
  check?: CorrectionCheck
  scope: AuditScope
}): Endpoint => {
  const fields = rules.corrections?.fields ?? []
  const states = rules.corrections?.states ?? []
  const body = z.strictObject({
    changes: z.record(z.string(), z.unknown()),
    reason: z.string().trim().min(10, { error: 'Ghi rõ lý do sửa sai (ít nhất 10 ký tự).' }).max(2000),
  })
  return {
    handler: async (req) => {
      if (!req.user) return json(401, [{ message: 'Cần đăng nhập.', path: '' }])
      if (!isAdmin(req.user)) return json(403, [{ message: 'Chỉ quản trị hệ thống được sửa sai bằng thao tác này.', path: '' }])
      const id = String(req.routeParams?.id ?? '')
      if (!/^\d{1,10}$/.test(id) || Number(id) > 2147483647) return json(404, [{ message: 'Không tìm thấy bản ghi cần sửa sai.', path: 'id' }])
      const raw = await readJson(req)
      if (typeof raw === 'symbol') return json(400, [{ message: 'Nội dung yêu cầu không phải JSON hợp lệ.', path: '' }])
      const parsed = body.safeParse(raw ?? {})
      if (!parsed.success) {
        return json(
          400,
          parsed.error.issues.map((issue) => ({ message: issue.path[0] === 'reason' ? issue.message : `«${issue.path.join('.') || 'Nội dung'}» không đúng dạng { changes: { trường: giá trị }, reason }.`, path: issue.path.join('.') })),
        )
      }
      const { changes, reason } = parsed.data
      const names = Object.keys(changes)
      const problems: Problem[] = []
      if (names.length === 0) problems.push({ message: 'Chưa có trường nào cần sửa.', path: 'changes' })
      for (const name of names) {
        if (!fields.includes(name)) problems.push({ message: `Không sửa sai được «${labels[name] ?? name}» bằng thao tác này; chỉ: ${fields.map((field) => `«${labels[field] ?? field}»`).join(', ')}.`, path: `changes.${name}` })
      }
      if (problems.length > 0) return json(400, problems)
      const found = await req.payload.findByID({ collection, depth: 0, disableErrors: true, id, overrideAccess: true, req })
      const doc = found as unknown as Record<string, unknown> | null
      if (!doc) return json(404, [{ message: 'Không tìm thấy bản ghi cần sửa sai.', path: 'id' }])
      const state = String((doc as { status?: unknown }).status ?? '')
      if (!states.includes(state)) {
        return json(409, [{ message: `Chỉ sửa sai khi ${rules.noun} ở trạng thái ${states.map((code) => `«${rules.states[code] ?? code}»`).join(', ')}; hiện là «${rules.states[state] ?? state}».`, path: 'status' }])
      }
      const invalid = check ? await check({ changes, doc: doc as Record<string, unknown>, req }) : []
      if (invalid.length > 0) return json(400, invalid)

      const shouldCommit = await initTransaction(req)
      try {
        const before = Object.fromEntries(names.map((name) => [name, doc[name] ?? null]))
        const updated = await req.payload.update({ collection, data: changes, depth: 0, id, overrideAccess: true, req })
        await writeAuditEvent({
          event: {
            action: 'correct',
            collection,
            comment: `${reason} — ${names.map((name) => `${labels[name] ?? name}: ${JSON.stringify(before[name])} → ${JSON.stringify(changes[name])}`).join('; ')}`,
            docId: id,
            from: JSON.stringify(before),
            to: JSON.stringify(changes),
            ...scope(doc),
          },
          req,
        })
        if (shouldCommit) await commitTransaction(req)
        return Response.json({ doc: updated, message: `Đã sửa sai và ghi nhật ký: ${names.map((name) => labels[name] ?? name).join(', ')}.` })
      } catch (error) {
        if (shouldCommit) await killTransaction(req)
        if (error instanceof ValidationError) return json(400, (error.data?.errors ?? []).map((problem) => ({ message: problem.message, path: problem.path })))
        throw error
      }
    },
    method: 'post',
    path: '/:id/corrections',
  }
}
