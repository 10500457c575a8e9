/**
 * The papers over REST (DESIGN.md "Documents"), each with the access of the document it comes
 * from — read as the caller (`overrideAccess: false`): a unit gets only its own dossier's papers.
 *
 * - GET /api/document-types — the types, their regimes, formats and data models; whether PDF works here.
 * - GET /api/document-types/{type}/default.docx — the built-in default template, to start a province's own.
 * - GET /api/self-assessments/{id}/documents/{type}?format=docx|pdf
 * - GET /api/self-assessments/{id}/dossier.zip — the papers and the dossier's evidence files.
 * - GET /api/rounds/{id}/documents/{type}?format=docx|xlsx|pdf — not for a unit's clerk (the team's minutes, the authority's papers)
 * - GET /api/decisions/{id}/documents/quyet-dinh?format=docx|pdf
 */
import type { Endpoint, PayloadRequest } from 'payload'
import PizZip from 'pizzip'

import { documentTypeByCode, documentTypes, documentTypesFor, progressOf, type DocumentScope, type Progress } from '@criteria/documents'

import type { Decision, Round, SelfAssessment } from '../payload-types'
import { relationId } from '../../collections/access/roles'
import { nullIfNotFound } from '../../collections/notFound'
import { readStoredFile } from '../storage/files'
import { decisionData, roundDocumentData, selfAssessmentData, upwardReportData } from './data'
import { mimeTypes, queueRoundPaper } from './fileTasks'
import { renderDocx } from './engine'
import { canMakePdf, docxToPdf, pdfUnavailableMessage } from './pdf'
import { builtInTemplate, chooseTemplate } from './templates'
import { upwardReportWorkbook } from './xlsx'

const error = (status: number, message: string, field = '') => Response.json({ errors: [{ message, path: field }] }, { status })

/** An ASCII file name for old clients and the Vietnamese one (RFC 5987) for the rest. */
const fileResponse = ({ bytes, name, kind }: { bytes: Uint8Array; name: string; kind: keyof typeof mimeTypes }) => {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-')
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Length': String(bytes.byteLength),
      'Content-Type': mimeTypes[kind],
    },
    status: 200,
  })
}

const formatOf = (req: PayloadRequest) => String(new URL(req.url ?? 'http://x/').searchParams.get('format') ?? 'docx').toLowerCase()

/** The type named in the path, if it belongs to this scope and regime; else the answer to send. */
const typeFor = ({ code, scope, regime, format }: { code: string; scope: DocumentScope; regime: string | null; format: string }) => {
  const type = documentTypeByCode(code)
  if (!type || type.scope !== scope) return { problem: error(404, `Không có loại văn bản «${code}» cho mục này. Các loại: ${documentTypesFor({ regime, scope }).map((t) => t.code).join(', ')}.`, 'type') }
  if (!documentTypesFor({ regime, scope }).includes(type)) return { problem: error(404, `«${type.title}» không dùng cho văn bản quy định ${regime ?? 'này'}.`, 'type') }
  if (!(type.formats as string[]).includes(format)) return { problem: error(400, `«${type.title}» không xuất được định dạng «${format}»; chọn một trong: ${type.formats.join(', ')}.`, 'format') }
  if (format === 'pdf' && !canMakePdf()) return { problem: error(501, pdfUnavailableMessage, 'format') }
  return { type }
}

const render = async ({ req, code, regime, authorityId, data }: { req: PayloadRequest; code: string; regime: string | null; authorityId: number | string | null; data: Record<string, unknown> }) => {
  const template = await chooseTemplate({ authorityId, docType: code, regime, req })
  try {
    return { bytes: renderDocx({ data, template: template.bytes }), template }
  } catch (failure) {
    req.payload.logger.error({ err: failure, msg: `Không điền được mẫu ${template.name} (${code})` })
    throw new Error(`Mẫu «${template.name}» không điền được dữ liệu; hãy kiểm tra lại mẫu.`)
  }
}

const send = async ({ bytes, format, name }: { bytes: Buffer; format: string; name: string }) => {
  if (format === 'pdf') return fileResponse({ bytes: await docxToPdf(bytes), kind: 'pdf', name: `${name}.pdf` })
  return fileResponse({ bytes, kind: 'docx', name: `${name}.docx` })
}

const signedIn = (req: PayloadRequest) => (req.user ? null : error(401, 'Cần đăng nhập.'))

/** The document of the path's id as the caller may read it; null when there is none, the id being no id at all included. */
const readAs = async <T>(req: PayloadRequest, collection: 'self-assessments' | 'rounds' | 'decisions'): Promise<T | null> => {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id <= 0) return null
  return (await nullIfNotFound(req.payload.findByID({ collection, depth: 0, disableErrors: true, id, overrideAccess: false, req }))) as T | null
}

const selfAssessmentPaper = async ({ req, sa, code }: { req: PayloadRequest; sa: SelfAssessment; code: string }) => {
  const built = await selfAssessmentData({ now: new Date(), req, sa })
  const { bytes } = await render({ authorityId: built.authorityId, code, data: built.data, regime: built.regime, req })
  return { bytes, name: `${code}-${built.unitName || sa.id}`, regime: built.regime }
}

export const documentTypesEndpoint: Endpoint = {
  handler: async () =>
    Response.json({
      canMakePdf: canMakePdf(),
      types: documentTypes.map((type) => ({ code: type.code, fields: type.fields, formats: type.formats.filter((format) => format !== 'pdf' || canMakePdf()), loops: type.loops, regimes: type.regimes, scope: type.scope, title: type.title })),
    }),
  method: 'get',
  path: '/document-types',
}

export const defaultTemplateEndpoint: Endpoint = {
  handler: async (req) => {
    const denied = signedIn(req)
    if (denied) return denied
    const type = documentTypeByCode(String(req.routeParams?.type))
    if (!type) return error(404, 'Không có loại văn bản này.', 'type')
    return fileResponse({ bytes: await builtInTemplate(type.code), kind: 'docx', name: `mau-mac-dinh-${type.code}.docx` })
  },
  method: 'get',
  path: '/document-types/:type/default.docx',
}

/** The dossier the caller may read, and its criteria set's regime; or the answer that refuses it. */
const readDossier = async (req: PayloadRequest): Promise<{ refusal: Response } | { refusal: null; regime: string | null; sa: SelfAssessment }> => {
  const denied = signedIn(req)
  if (denied) return { refusal: denied }
  const sa = await readAs<SelfAssessment>(req, 'self-assessments')
  if (!sa) return { refusal: error(404, 'Không tìm thấy hồ sơ, hoặc bạn không có quyền xem.', 'id') }
  const set = await req.payload.findByID({ collection: 'criteria-sets', depth: 0, disableErrors: true, id: relationId(sa.criteriaSet) as number, overrideAccess: true, req, select: { regime: true } })
  return { refusal: null, regime: set?.regime ?? null, sa }
}

export const selfAssessmentDocumentEndpoint: Endpoint = {
  handler: async (req) => {
    const dossier = await readDossier(req)
    if (dossier.refusal) return dossier.refusal
    const { regime, sa } = dossier
    const format = formatOf(req)
    const { problem } = typeFor({ code: String(req.routeParams?.type), format, regime, scope: 'self-assessment' })
    if (problem) return problem
    const paper = await selfAssessmentPaper({ code: String(req.routeParams?.type), req, sa })
    return send({ bytes: paper.bytes, format, name: paper.name })
  },
  method: 'get',
  path: '/:id/documents/:type',
}

export const dossierZipEndpoint: Endpoint = {
  handler: async (req) => {
    const dossier = await readDossier(req)
    if (dossier.refusal) return dossier.refusal
    const { regime, sa } = dossier
    const zip = new PizZip()
    let unitName = ''
    for (const type of documentTypesFor({ regime, scope: 'self-assessment' })) {
      const paper = await selfAssessmentPaper({ code: type.code, req, sa })
      unitName = paper.name.slice(type.code.length + 1)
      zip.file(`${type.code}.docx`, paper.bytes)
    }
    // the evidence the answers cite and the files attached to the dossier's checklist, each once
    const ids = [...new Set([...(sa.answers ?? []).flatMap((row) => row.evidence ?? []), ...(sa.dossierFiles ?? []).flatMap((slot) => slot.files ?? [])].map(relationId).filter((id) => id !== null))]
    const { docs } = ids.length
      ? await req.payload.find({ collection: 'evidence', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { id: { in: ids } } })
      : { docs: [] }
    for (const doc of docs) {
      if (!doc.filename) continue
      // from wherever the file is stored (local disk or the S3 bucket), whichever node stored it;
      // a storage that does not answer is not a dossier without evidence
      let bytes: Buffer | null
      try {
        bytes = await readStoredFile({ collection: 'evidence', filename: doc.filename, prefix: doc.prefix })
      } catch (cause) {
        req.payload.logger.error({ err: cause }, `Hồ sơ ${sa.id}: kho lưu trữ không trả tệp minh chứng ${doc.filename}`)
        return error(503, 'Kho lưu trữ tệp chưa trả lời nên chưa đóng gói được hồ sơ; vui lòng thử lại sau ít phút.', 'id')
      }
      if (bytes) zip.file(`minh-chung/${doc.id}-${doc.filename}`, bytes)
      else req.payload.logger.warn(`Hồ sơ ${sa.id}: không đọc được tệp minh chứng ${doc.filename}`)
    }
    return fileResponse({ bytes: zip.generate({ compression: 'DEFLATE', type: 'nodebuffer' }) as Buffer, kind: 'zip', name: `ho-so-${unitName || sa.id}.zip` })
  },
  method: 'get',
  path: '/:id/dossier.zip',
}

/**
 * A round's paper as bytes: the upward report's workbook for xlsx, else the type's template filled
 * (and converted for pdf). `onProgress` hears how far it got (the background job's bar).
 */
export const roundPaper = async ({ req, round, code, format, onProgress }: { req: PayloadRequest; round: Round; code: string; format: string; onProgress?: (progress: Progress) => Promise<void> | void }) => {
  const name = `${code}-${round.year}`
  if (format === 'xlsx') {
    const { report } = await upwardReportData({ now: new Date(), onProgress, req, round })
    await onProgress?.(progressOf({ phase: 'fill' }))
    return { bytes: Buffer.from(await upwardReportWorkbook({ report, title: round.title, year: round.year })), kind: 'xlsx' as const, name: `${name}.xlsx` }
  }
  const { data, regime } = await roundDocumentData({ now: new Date(), onProgress, req, round, type: code })
  await onProgress?.(progressOf({ phase: 'fill' }))
  const { bytes } = await render({ authorityId: relationId(round.authority), code, data, regime, req })
  if (format === 'pdf') return { bytes: await docxToPdf(bytes), kind: 'pdf' as const, name: `${name}.pdf` }
  return { bytes, kind: 'docx' as const, name: `${name}.docx` }
}

/** The round of the path as the caller may read it and the type and format asked for; or the answer that refuses. */
const readRoundRequest = async (req: PayloadRequest, format: string): Promise<{ refusal: Response } | { refusal: null; round: Round; code: string }> => {
  const denied = signedIn(req)
  if (denied) return { refusal: denied }
  const round = await readAs<Round>(req, 'rounds')
  if (!round) return { refusal: error(404, 'Không tìm thấy đợt đánh giá, hoặc bạn không có quyền xem.', 'id') }
  // a unit reads its rounds, but the team's minutes and the authority's papers are not its own
  if ((req.user?.roles ?? []).every((role) => role === 'unit-editor')) return { refusal: error(403, 'Văn bản của đợt đánh giá dành cho cấp quản lý và đoàn đánh giá.', 'id') }
  const code = String(req.routeParams?.type)
  const { problem } = typeFor({ code, format, regime: null, scope: 'round' })
  if (problem) return { refusal: problem }
  return { code, refusal: null, round }
}

export const roundDocumentEndpoint: Endpoint = {
  handler: async (req) => {
    const format = formatOf(req)
    const asked = await readRoundRequest(req, format)
    if (asked.refusal) return asked.refusal
    const paper = await roundPaper({ code: asked.code, format, req, round: asked.round })
    return fileResponse(paper)
  },
  method: 'get',
  path: '/:id/documents/:type',
}

/**
 * POST /api/rounds/{id}/documents/{type}/jobs?format=… — the same paper made in the background
 * (a round of thousands of dossiers): answers 202 with the `file-tasks` row to poll
 * (GET /api/file-tasks/{id}: status, progress, stage; its `url` once done).
 */
export const roundDocumentJobEndpoint: Endpoint = {
  handler: async (req) => {
    const format = formatOf(req)
    const asked = await readRoundRequest(req, format)
    if (asked.refusal) return asked.refusal
    const task = await queueRoundPaper({ code: asked.code, format, req, round: asked.round })
    return Response.json({ doc: task, message: 'Đã bắt đầu tạo văn bản; theo dõi tiến độ tại đây.' }, { status: 202 })
  },
  method: 'post',
  path: '/:id/documents/:type/jobs',
}

export const decisionDocumentEndpoint: Endpoint = {
  handler: async (req) => {
    const denied = signedIn(req)
    if (denied) return denied
    const decision = await readAs<Decision>(req, 'decisions')
    if (!decision) return error(404, 'Không tìm thấy quyết định, hoặc bạn không có quyền xem.', 'id')
    const code = String(req.routeParams?.type)
    const format = formatOf(req)
    const { problem } = typeFor({ code, format, regime: null, scope: 'decision' })
    if (problem) return problem
    const { authorityId, data, regime } = await decisionData({ decision, now: new Date(), req })
    const { bytes } = await render({ authorityId, code, data, regime, req })
    return send({ bytes, format, name: `quyet-dinh-${decision.number || decision.id}` })
  },
  method: 'get',
  path: '/:id/documents/:type',
}
