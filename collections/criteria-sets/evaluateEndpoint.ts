/**
 * POST /api/criteria-sets/{id}/evaluate — the public evaluation of DESIGN.md: body
 * `{ unitType, answers: { [code]: value }, prior?: { level, decidedOn }, asOf? }` → 200 with the
 * core's evaluation, or 400 `{ errors: [{ path, message }] }`. Published sets are evaluable by
 * anyone; `?draft=true` evaluates the latest draft for those who may read drafts. The same
 * `evaluate` serves the hooks.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { evaluate, formatIssuePath, validateCriteriaSet, type Issue } from '@criteria/index'

import { findTier, findUnitType, tierPhrase, unknownUnitTypeMessage } from '../catalogues'
import { todayInVietnam } from '../dates'
import { toCriteriaSetInput, type CriteriaSetDoc } from './toCriteriaSet'
import { nullIfNotFound } from '../notFound'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'cần ngày dạng YYYY-MM-DD' })

const bodySchema = z
  .object({
    answers: z.record(z.string(), z.unknown(), { error: 'answers phải là một đối tượng { mã chỉ tiêu: giá trị }' }).default({}),
    asOf: isoDate.optional(),
    prior: z
      .object({ decidedOn: isoDate, level: z.number({ error: 'level phải là số' }).int() }, { error: 'prior phải có dạng { level, decidedOn }' })
      .strict()
      .nullable()
      .optional(),
    unitType: z.string({ error: 'unitType là bắt buộc: loại đơn vị, ví dụ "xa"' }),
  })
  .strict()

const badRequest = (errors: { message: string; path: string }[]) => Response.json({ errors }, { status: 400 })

const fromIssues = (issues: readonly Issue[]) =>
  issues.filter((issue) => issue.severity === 'error').map((issue) => ({ message: issue.message, path: formatIssuePath({ path: issue.path }) }))


/**
 * The unit type must be a row of the catalogue (a province's own included) and, when it belongs to
 * a tier, the set's tier (REGULATIONS §2.1): a THPT is not evaluated against a district set.
 */
const unitTypeProblems = async ({ req, set, unitType }: { req: PayloadRequest; set: { tier?: unknown; title?: string | null }; unitType: string }) => {
  const row = await findUnitType({ code: unitType, req })
  if (!row) return [{ message: unknownUnitTypeMessage(unitType), path: 'unitType' }]
  const setTier = typeof set.tier === 'string' && set.tier !== '' ? set.tier : null
  if (row.tier === null || setTier === null || row.tier === setTier) return []
  const [own, asked] = await Promise.all([findTier({ code: row.tier, req }), findTier({ code: setTier, req })])
  return [{ message: `«${row.label}» là đơn vị ${tierPhrase(own, row.tier)}; bộ tiêu chí «${set.title ?? ''}» dành cho đơn vị ${tierPhrase(asked, setTier)}.`, path: 'unitType' }]
}

const readBody = async (req: PayloadRequest): Promise<unknown> => {
  try {
    return req.json ? await req.json() : undefined
  } catch {
    return Symbol.for('invalid-json')
  }
}

export const evaluateEndpoint: Endpoint = {
  handler: async (req) => {
    const id = req.routeParams?.id
    const isDraft = req.searchParams.get('draft') === 'true'
    const doc = await nullIfNotFound(req.payload.findByID({ collection: 'criteria-sets', depth: 0, disableErrors: true, draft: isDraft, id: String(id), overrideAccess: false, req }))
    if (!doc) return Response.json({ errors: [{ message: 'Không tìm thấy bộ tiêu chí (hoặc bạn không có quyền xem bản nháp).', path: 'id' }] }, { status: 404 })

    const body = await readBody(req)
    if (typeof body === 'symbol') return badRequest([{ message: 'Nội dung yêu cầu không phải JSON hợp lệ.', path: '' }])
    const parsed = bodySchema.safeParse(body ?? {})
    if (!parsed.success) {
      return badRequest(parsed.error.issues.map((issue) => ({ message: issue.message, path: issue.path.join('.') })))
    }

    const { input, issues: mappingIssues } = toCriteriaSetInput({ doc: doc as CriteriaSetDoc })
    const validation = validateCriteriaSet(input)
    if (mappingIssues.length > 0 || !validation.ok) {
      return Response.json(
        { errors: fromIssues([...mappingIssues, ...(validation.ok ? [] : validation.issues)]), message: 'Bộ tiêu chí chưa hợp lệ, chưa đánh giá được.' },
        { status: 409 },
      )
    }
    const { asOf, prior, unitType } = parsed.data
    const typeProblems = await unitTypeProblems({ req, set: doc as { tier?: unknown; title?: string | null }, unitType })
    if (typeProblems.length > 0) return badRequest(typeProblems)
    // zod's record drops a `__proto__` key; the raw entries keep it, so the core refuses it as the unknown code it is
    const answers = Object.fromEntries(Object.entries((body as { answers?: Record<string, unknown> } | undefined)?.answers ?? {}))
    const evaluation = evaluate({ answers, asOf: asOf ?? todayInVietnam(new Date()), prior: prior ?? null, set: validation.set, unitType })
    if (!evaluation.ok) return badRequest(fromIssues(evaluation.issues))
    const { ok: _ok, ...report } = evaluation
    return Response.json(report)
  },
  method: 'post',
  path: '/:id/evaluate',
}
