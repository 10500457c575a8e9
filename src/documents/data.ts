/**
 * The data each paper is filled with, named as its type's data model says
 * (criteria/documents/types.ts). Every builder receives the document the caller was allowed to read
 * (read with `overrideAccess: false` by the endpoint) and loads what hangs from it past access, with
 * `req`. Nothing is invented: a value the records do not hold (a signer's name, a number not yet
 * given) prints empty for the clerk to fill in.
 */
import type { PayloadRequest } from 'payload'

import {
  answerInWords,
  committeeName,
  countWithWords,
  dateInWords,
  decimalText,
  issuingPower,
  placeAndDate,
  placeName,
  progressOf,
  signatureBlock,
  upwardReport,
  type AnswerValue,
  type Progress,
  type ReportEntry,
} from '@criteria/documents'
import { indicatorStatusLabels, type IndicatorStatus } from '@criteria/results'
import { teamRoles } from '@criteria/rounds'
import { scaleLabels } from '@seed/criteria/scaleLabels'

import type { Authority, Decision, Round, SelfAssessment, Unit } from '../payload-types'
import { relationId } from '../../collections/access/roles'
import { todayInVietnam, toIsoDay } from '../../collections/dates'
import { outcomeLabel } from '../../collections/self-assessments/outcomes'

type Data = Record<string, unknown>

const upper = (text: string | null | undefined) => (text ?? '').toLocaleUpperCase('vi')
const dayText = (value: unknown) => {
  const day = toIsoDay(value)
  return day ? day.split('-').reverse().join('/') : ''
}

const byId = async <T>({ req, collection, id }: { req: PayloadRequest; collection: 'authorities' | 'units' | 'rounds' | 'criteria-sets' | 'legal-documents'; id: unknown }): Promise<T | null> => {
  const key = relationId(id)
  if (key === null) return null
  return (await req.payload.findByID({ collection, depth: 0, disableErrors: true, id: key, overrideAccess: true, req })) as T | null
}

/** The input guards' longest `in` list (hooks/inputGuards.ts): a round of 3,000 dossiers is read in slices of it. */
const inListMax = 1000

/**
 * `find` of the rows whose id is in `ids` (system read, depth 0), as many queries as it takes at
 * most 1,000 ids each — one `in` list of every unit of a large round is refused by the guards.
 */
export const findByIds = async <S extends 'units' | 'self-assessments' | 'users'>({ req, collection, ids, select }: { req: PayloadRequest; collection: S; ids: readonly (number | string)[]; select: Record<string, true> }) => {
  const docs: Record<string, any>[] = []
  for (let from = 0; from < ids.length; from += inListMax) {
    const found = await req.payload.find({ collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select, where: { id: { in: ids.slice(from, from + inListMax) } } } as never)
    docs.push(...(found.docs as Record<string, any>[]))
  }
  return docs
}

const unitTypeLabels = async ({ req, codes }: { req: PayloadRequest; codes: string[] }) => {
  if (codes.length === 0) return new Map<string, string>()
  const { docs } = await req.payload.find({ collection: 'unit-types', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { id: { in: [...new Set(codes)] } } })
  return new Map(docs.map((doc) => [String(doc.id), doc.label]))
}

/** Căn cứ: the round's reference documents as cited ("KH 206/KH-UBND ngày 28/09/2020 …"). */
const basisOf = async ({ req, round }: { req: PayloadRequest; round: Round | null }) => {
  const ids = (round?.basis ?? []).map(relationId).filter((id) => id !== null)
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({ collection: 'legal-documents', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { id: { in: ids } } })
  return docs.map((doc) => ({ vanBan: [doc.label ?? doc.number, doc.title].filter(Boolean).join(' ') }))
}

/** The header and signature fields every paper has. */
const header = ({ issuer, parent, number, isoDate, place, signerTitle, year }: { issuer: string; parent: string; number: string; isoDate: string; place: string; signerTitle: string | null; year: number | string }) => {
  const block = signatureBlock({ signerTitle })
  return {
    chucVuNguoiKy: block.signerTitle,
    coQuanBanHanh: upper(issuer),
    coQuanChuQuan: upper(parent),
    diaDanh: place,
    diaDanhNgayThang: placeAndDate({ isoDate, place: place || null }),
    namDanhGia: year,
    ngayThang: dateInWords(isoDate) ?? '',
    nguoiKy: '',
    quyenHan: block.authorityLine,
    soKyHieu: number,
  }
}

const levelText = ({ level, outcome }: { level?: number | null; outcome?: string | null }) => (level ? `Mức độ ${level}` : (outcomeLabel(outcome) ?? ''))

// ---------------------------------------------------------------------------------------------
// per dossier

type AnswerRow = NonNullable<SelfAssessment['answers']>[number]

const answerValue = (row: AnswerRow): AnswerValue => {
  const measures: Record<string, () => AnswerValue> = {
    boolean: () => ({ measure: 'boolean', value: row.yesNo ? row.yesNo === 'yes' : null }),
    points: () => ({ maxPoints: row.maxPoints ?? null, measure: 'points', points: row.points ?? null }),
    rank: () => {
      const scale = Array.isArray(row.scale) ? (row.scale as { code?: string; label?: string }[]) : []
      return { label: row.rank ? (scale.find((step) => step.code === row.rank)?.label ?? scaleLabels[row.rank] ?? row.rank) : null, measure: 'rank' }
    },
    ratio: () => ({ denominator: row.denominator ?? null, measure: 'ratio', numerator: row.numerator ?? null }),
  }
  return (measures[row.measure ?? ''] ?? measures.boolean)()
}

const statusText = (row: AnswerRow) => {
  const status = (row.isApplicable === false ? 'not-applicable' : (row.status ?? 'missing')) as IndicatorStatus
  return indicatorStatusLabels[status] ?? status
}

export const selfAssessmentData = async ({ req, sa, now }: { req: PayloadRequest; sa: SelfAssessment; now: Date }): Promise<{ data: Data; authorityId: number | string | null; regime: string | null; unitName: string }> => {
  const [unit, round, set] = await Promise.all([
    byId<{ name: string; unitType: string; authority: unknown }>({ collection: 'units', id: sa.unit, req }),
    byId<Round>({ collection: 'rounds', id: sa.round, req }),
    byId<{ title: string; regime: string; level?: number | string | null; model?: string | null }>({ collection: 'criteria-sets', id: sa.criteriaSet, req }),
  ])
  // the authority the dossier was filed with, stored on it at creation: a unit moved or an
  // authority merged since (issue 15) does not rewrite an old dossier's papers
  const authority = await byId<Authority>({ collection: 'authorities', id: sa.authority ?? unit?.authority ?? round?.authority, req })
  const rows = sa.answers ?? []
  const evidenceIds = [...new Set(rows.flatMap((row) => (row.evidence ?? []).map(relationId)).filter((id) => id !== null))]
  const [evidence, types] = await Promise.all([
    evidenceIds.length === 0
      ? Promise.resolve([])
      : req.payload.find({ collection: 'evidence', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { id: { in: evidenceIds } } }).then((found) => found.docs),
    unitTypeLabels({ codes: unit ? [unit.unitType] : [], req }),
  ])
  const evidenceText = new Map(
    evidence.map((doc) => [String(doc.id), [doc.documentNumber, doc.issuedOn ? `ngày ${dayText(doc.issuedOn)}` : null].filter(Boolean).join(' ') + (doc.documentNumber ? ' — ' : '') + doc.title]),
  )
  const applicable = rows.filter((row) => row.isApplicable !== false)
  const isoDate = toIsoDay(sa.submittedAt) ?? todayInVietnam(now)
  const authorityName = authority?.name ?? ''
  const result = (sa.result ?? {}) as { criteria?: { code: string; title: string; status: IndicatorStatus; points: number | null; maxPoints: number | null }[]; gaps?: { indicator: string | null; message: string }[] }
  const teamResult = (sa.teamResult ?? {}) as { indicators?: { code: string; points: number | null }[] }
  const teamPoints = new Map((teamResult.indicators ?? []).map((indicator) => [indicator.code, indicator.points]))
  const isPoints = set?.model === 'points'
  const data: Data = {
    ...header({ isoDate, issuer: unit?.name ?? '', number: '', parent: authorityName ? committeeName({ authorityName }) : '', place: placeName(authorityName), signerTitle: 'Thủ trưởng đơn vị', year: round?.year ?? '' }),
    capQuanLy: authorityName ? committeeName({ authorityName }) : '',
    chiTieu: rows.map((row, index) => ({
      diemDoan: teamPoints.get(row.indicator ?? '') === undefined || teamPoints.get(row.indicator ?? '') === null ? '' : decimalText(teamPoints.get(row.indicator ?? '') as number),
      diemToiDa: row.maxPoints === null || row.maxPoints === undefined ? '' : decimalText(row.maxPoints),
      diemTuCham: typeof row.points === 'number' ? decimalText(row.points) : '',
      giaiTrinh: row.explanation ?? '',
      giaTri: row.isApplicable === false ? 'Không áp dụng' : answerInWords(answerValue(row)),
      ma: row.indicator ?? '',
      minhChung: (row.evidence ?? []).map((id) => evidenceText.get(String(relationId(id)))).filter(Boolean).join('; '),
      noiDung: row.text ?? '',
      stt: index + 1,
      tieuChi: row.criterion ?? '',
      trangThai: statusText(row),
    })),
    coQuanTiepNhan: authority?.receivingOffice ?? '',
    coHoSoKemTheo: (sa.dossierFiles ?? []).length > 0,
    hoSoKemTheo: (sa.dossierFiles ?? []).map((slot, index) => ({ stt: index + 1, ten: slot.title ?? '' })),
    ketQuaTuDanhGia: outcomeLabel(sa.outcome) ?? '',
    loaiDonVi: types.get(String(unit?.unitType)) ?? unit?.unitType ?? '',
    mucDoDeNghi: isPoints ? (outcomeLabel(sa.outcome) ?? '') : set?.level ? `mức độ ${set.level}` : '',
    noiNhan: [{ ten: authorityName ? `${committeeName({ authorityName })}${authority?.receivingOffice ? ` (${authority.receivingOffice})` : ''};` : 'Như trên;' }, { ten: 'Lưu: VT.' }],
    soChiTieuApDung: applicable.length,
    soChiTieuDat: applicable.filter((row) => row.status === 'met').length,
    tenBoTieuChi: set?.title ?? '',
    tenDonVi: unit?.name ?? '',
    tenDotDanhGia: round?.title ?? '',
    tieuChi: (result.criteria ?? []).map((criterion) => ({ ketQua: indicatorStatusLabels[criterion.status] ?? criterion.status, ma: criterion.code, ten: criterion.title })),
    tonTai: (result.gaps ?? []).filter((gap) => gap.indicator).map((gap) => ({ lyDo: gap.message, ma: gap.indicator, noiDung: rows.find((row) => row.indicator === gap.indicator)?.text ?? '' })),
    tongDiemDoan: typeof sa.teamPoints === 'number' ? decimalText(sa.teamPoints) : '',
    tongDiemTuCham: isPoints && typeof sa.points === 'number' ? decimalText(sa.points) : '',
    xepLoaiDoan: outcomeLabel(sa.teamOutcome) ?? '',
  }
  return { authorityId: authority?.id ?? null, data, regime: set?.regime ?? null, unitName: unit?.name ?? '' }
}

// ---------------------------------------------------------------------------------------------
// per round

const roundRegime = async ({ req, round }: { req: PayloadRequest; round: Round }) => {
  const first = relationId(round.criteriaSets?.[0])
  if (first === null) return null
  return (await byId<{ regime: string }>({ collection: 'criteria-sets', id: first, req }))?.regime ?? null
}

const teamOf = async ({ req, round }: { req: PayloadRequest; round: Round }) => {
  const ids = (round.team ?? []).map((member) => relationId(member.user)).filter((id) => id !== null)
  const { docs } = ids.length
    ? await req.payload.find({ collection: 'users', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { email: true, name: true }, where: { id: { in: ids } } })
    : { docs: [] }
  const names = new Map(docs.map((user) => [String(user.id), user.name || user.email]))
  const order = (role: string) => teamRoles.findIndex((entry) => entry.code === role)
  return [...(round.team ?? [])]
    .sort((a, b) => order(a.role) - order(b.role))
    .map((member, index) => ({ hoTen: names.get(String(relationId(member.user))) ?? '', stt: index + 1, vaiTro: teamRoles.find((entry) => entry.code === member.role)?.vi ?? member.role }))
}

type DossierRow = Pick<SelfAssessment, 'id' | 'unit' | 'status' | 'outcome' | 'level' | 'teamOutcome' | 'teamLevel' | 'disagreements'>

const reviewedStatuses = ['reviewed', 'recognised', 'not-recognised']

/** Reports how many of a round's dossiers have been read so far (for a paper made in the background). */
export type OnRead = (read: { done: number; total: number }) => Promise<void> | void

/** A round's submitted dossiers, read `pageSize` at a time (by id, so pages never overlap), and their units. */
const roundDossiers = async ({ req, round, onRead, pageSize = 1000 }: { req: PayloadRequest; round: Round; onRead?: OnRead; pageSize?: number }) => {
  const docs: DossierRow[] = []
  for (let page = 1; ; page += 1) {
    const found = await req.payload.find({
      collection: 'self-assessments',
      depth: 0,
      limit: pageSize,
      overrideAccess: true,
      page,
      req,
      select: { disagreements: true, level: true, outcome: true, status: true, teamLevel: true, teamOutcome: true, unit: true },
      sort: 'id',
      where: { and: [{ round: { equals: round.id } }, { status: { not_equals: 'draft' } }] },
    })
    docs.push(...(found.docs as DossierRow[]))
    await onRead?.({ done: docs.length, total: found.totalDocs })
    if (!found.hasNextPage) break
  }
  const unitIds = [...new Set(docs.map((doc) => relationId(doc.unit)).filter((id) => id !== null))]
  const units = (await findByIds({ collection: 'units', ids: unitIds as number[], req, select: { name: true, unitType: true } })) as Pick<Unit, 'id' | 'name' | 'unitType'>[]
  const unitById = new Map(units.map((unit) => [String(unit.id), unit]))
  return { dossiers: docs, unitOf: (row: DossierRow) => unitById.get(String(relationId(row.unit))) }
}

const authorityHeader = async ({ req, round, isoDate, number = '', issuer }: { req: PayloadRequest; round: Round; isoDate: string; number?: string; issuer: 'committee' | 'office' | 'team' }) => {
  const authority = await byId<Authority>({ collection: 'authorities', id: round.authority, req })
  const name = authority?.name ?? ''
  const committee = committeeName({ authorityName: name })
  const office = authority?.receivingOffice ?? ''
  const issuers = {
    committee: { issuer: committee, parent: '' },
    office: office ? { issuer: office, parent: committee } : { issuer: committee, parent: '' },
    team: { issuer: 'Đoàn đánh giá', parent: committee },
  }
  return {
    authority,
    fields: {
      ...header({ isoDate, number, place: placeName(name), signerTitle: issuer === 'committee' ? (authority?.deciderTitle ?? null) : null, year: round.year, ...issuers[issuer] }),
      capQuanLy: committee,
      coQuanTiepNhan: office,
      tenDotDanhGia: round.title,
      thamQuyenBanHanh: issuingPower({ authorityName: name, signerTitle: authority?.deciderTitle ?? null }),
    },
  }
}

export const teamDecisionData = async ({ req, round, now }: { req: PayloadRequest; round: Round; now: Date }): Promise<Data> => {
  const teamDecision = await byId<{ number: string; issuedOn: string }>({ collection: 'legal-documents', id: round.teamDecision, req })
  const [head, members, canCu, { dossiers }] = await Promise.all([
    authorityHeader({ isoDate: toIsoDay(teamDecision?.issuedOn) ?? todayInVietnam(now), issuer: 'committee', number: teamDecision?.number ?? '', req, round }),
    teamOf({ req, round }),
    basisOf({ req, round }),
    roundDossiers({ req, round }),
  ])
  return { ...head.fields, canCu, noiNhan: [{ ten: 'Như Điều 3;' }, { ten: 'Lưu: VT.' }], thanhVien: members, tongSoHoSo: dossiers.length }
}

/** "Nguyễn A: Đạt; Trần B: Chưa đạt; đơn vị: Đạt" — who said what on a flagged indicator. */
const opinions = ({ indicator, names, unitStatus }: { indicator: { verdicts: { reviewer: string; value: boolean | number | null }[] }; names: Record<string, string>; unitStatus: string }) =>
  [
    ...indicator.verdicts.map((verdict) => `${names[verdict.reviewer] ?? 'Thành viên'}: ${verdict.value === null ? 'chưa cho ý kiến' : typeof verdict.value === 'number' ? `${decimalText(verdict.value)} điểm` : verdict.value ? 'Đạt' : 'Chưa đạt'}`),
    `đơn vị: ${unitStatus}`,
  ].join('; ')

export const minutesData = async ({ req, round, now }: { req: PayloadRequest; round: Round; now: Date }): Promise<Data> => {
  const [head, members, { dossiers, unitOf }] = await Promise.all([
    authorityHeader({ isoDate: todayInVietnam(now), issuer: 'team', req, round }),
    teamOf({ req, round }),
    roundDossiers({ req, round }),
  ])
  const reviewed = dossiers.filter((row) => reviewedStatuses.includes(row.status))
  const flagged = reviewed.filter((row) => (row.disagreements ?? 0) > 0)
  const details = (await findByIds({ collection: 'self-assessments', ids: flagged.map((row) => row.id), req, select: { answers: true, teamResult: true, unit: true } })) as Pick<SelfAssessment, 'id' | 'answers' | 'teamResult' | 'unit'>[]
  const reviewerIds = [...new Set(details.flatMap((doc) => ((doc.teamResult as { consolidation?: { indicators?: { verdicts: { reviewer: string }[] }[] } } | null)?.consolidation?.indicators ?? []).flatMap((indicator) => indicator.verdicts.map((verdict) => verdict.reviewer))))]
  const { docs: reviewers } = reviewerIds.length
    ? await req.payload.find({ collection: 'users', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { email: true, name: true }, where: { id: { in: reviewerIds } } })
    : { docs: [] }
  const names = Object.fromEntries(reviewers.map((user) => [String(user.id), user.name || user.email]))
  const khacBiet = details.flatMap((doc) => {
    const unitName = unitOf(doc as DossierRow)?.name ?? ''
    const consolidation = (doc.teamResult as { consolidation?: { indicators?: { code: string; hasReviewerDisagreement: boolean; differsFromUnit: boolean; verdicts: { reviewer: string; value: boolean | number | null }[] }[] } } | null)?.consolidation
    return (consolidation?.indicators ?? [])
      .filter((indicator) => indicator.hasReviewerDisagreement || indicator.differsFromUnit)
      .map((indicator) => {
        const row = (doc.answers ?? []).find((answer) => answer.indicator === indicator.code)
        return { chiTieu: [indicator.code, row?.text].filter(Boolean).join(' '), donVi: unitName, yKien: opinions({ indicator, names, unitStatus: row ? statusText(row) : '' }) }
      })
  })
  return {
    ...head.fields,
    ketQua: reviewed.map((row, index) => ({
      donVi: unitOf(row)?.name ?? '',
      ketQuaDoan: levelText({ level: row.teamLevel, outcome: row.teamOutcome }) || (outcomeLabel(row.teamOutcome) ?? ''),
      ketQuaDonVi: levelText({ level: row.level, outcome: row.outcome }) || (outcomeLabel(row.outcome) ?? ''),
      soKhacBiet: row.disagreements ?? 0,
      stt: index + 1,
    })),
    khacBiet,
    soHoSoDat: reviewed.filter((row) => ['met', 'tot', 'kha', 'trung-binh'].includes(row.teamOutcome ?? '')).length,
    soKhacBiet: khacBiet.length,
    thanhVien: members,
    tongSoHoSo: reviewed.length,
  }
}

const statusReasons: Record<string, string> = {
  'in-review': 'Đang thẩm định',
  'not-recognised': 'Đoàn đánh giá kết luận chưa đạt',
  returned: 'Hồ sơ bị trả lại, chưa nộp lại',
  reviewed: 'Chờ quyết định công nhận',
  submitted: 'Hồ sơ chưa được tiếp nhận',
}

/** A round's rows for the upward report: recognised ones with their level or grade, the others with why. */
export const reportEntries = async ({ req, round, onRead }: { req: PayloadRequest; round: Round; onRead?: OnRead }): Promise<ReportEntry[]> => {
  const { dossiers, unitOf } = await roundDossiers({ onRead, req, round })
  const types = await unitTypeLabels({ codes: dossiers.map((row) => unitOf(row)?.unitType ?? '').filter(Boolean), req })
  // why the team found a dossier short: its gaps (indicators not met, a group under its floor), read only for those
  const failed = dossiers.filter((row) => row.status !== 'recognised' && ['not-met', 'chua-dat'].includes(row.teamOutcome ?? ''))
  const failedResults = (await findByIds({ collection: 'self-assessments', ids: failed.map((row) => row.id), req, select: { teamResult: true } })) as Pick<SelfAssessment, 'id' | 'teamResult'>[]
  const gapsOf = new Map(
    failedResults.map((doc) => [
      doc.id,
      ((doc.teamResult as { gaps?: { code: string; message: string }[] } | null)?.gaps ?? [])
        .filter((gap) => ['not-met', 'group-floor', 'missing'].includes(gap.code))
        .slice(0, 3)
        .map((gap) => gap.message),
    ]),
  )
  return dossiers.map((row) => {
    const unit = unitOf(row)
    const isRecognised = row.status === 'recognised'
    const gaps = gapsOf.get(row.id) ?? []
    return {
      isRecognised,
      levelLabel: isRecognised ? levelText({ level: row.teamLevel ?? row.level, outcome: row.teamOutcome }) || null : null,
      reason: isRecognised
        ? null
        : [statusReasons[row.status] ?? 'Chưa có kết luận', row.teamOutcome && row.status !== 'not-recognised' ? `kết luận của đoàn: ${outcomeLabel(row.teamOutcome)}` : null, ...gaps].filter(Boolean).join('; '),
      unitName: unit?.name ?? '',
      unitTypeLabel: types.get(String(unit?.unitType)) ?? unit?.unitType ?? '',
    }
  })
}

export const upwardReportData = async ({ req, round, now, onProgress }: { req: PayloadRequest; round: Round; now: Date; onProgress?: (progress: Progress) => Promise<void> | void }) => {
  const { docs: previousRounds } = await req.payload.find({
    collection: 'rounds',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: { and: [{ authority: { equals: relationId(round.authority) } }, { year: { equals: round.year - 1 } }] },
  })
  // one after the other when someone watches the bar, so that it only moves forward
  const reading = (phase: 'round' | 'previous') => (onProgress ? ({ done, total }: { done: number; total: number }) => onProgress(progressOf({ done, phase, total })) : undefined)
  const head = await authorityHeader({ isoDate: todayInVietnam(now), issuer: 'office', req, round })
  const entries = await reportEntries({ onRead: reading('round'), req, round })
  const previous = previousRounds[0] ? await reportEntries({ onRead: reading('previous'), req, round: previousRounds[0] }) : []
  const report = upwardReport({ entries, levelOrder: ['Mức độ 1', 'Mức độ 2', 'Tốt', 'Khá', 'Trung bình'], previous })
  const data: Data = {
    ...head.fields,
    chuaCongNhan: report.notRecognised.map((row, index) => ({ donVi: row.unitName, loaiDonVi: row.unitTypeLabel, lyDo: row.reason, stt: index + 1 })),
    namTruoc: round.year - 1,
    noiNhan: [...(round.reportDeadlines ?? []).map((deadline) => ({ ten: `${deadline.recipient};` })), { ten: 'Lưu: VT.' }],
    soSanhNamTruoc: report.totals.comparison,
    theoLoai: report.byType.map((row) => ({ loaiDonVi: row.label, soChuaDat: row.notRecognised, soDat: row.recognised, soHoSo: row.dossiers })),
    theoMuc: report.byLevel.map((row) => ({ chenhLech: row.change, muc: row.label, namTruoc: row.previous, soDonVi: row.count })),
    tongSoChuaDat: report.totals.notRecognised,
    tongSoDat: report.totals.recognised,
    tongSoDatNamTruoc: report.totals.previousRecognised,
    tongSoHoSo: report.totals.dossiers,
  }
  return { data, report }
}

export const roundDocumentData = async ({ req, round, type, now, onProgress }: { req: PayloadRequest; round: Round; type: string; now: Date; onProgress?: (progress: Progress) => Promise<void> | void }) => {
  const builders: Record<string, () => Promise<Data>> = {
    'bao-cao-tong-hop': async () => (await upwardReportData({ now, onProgress, req, round })).data,
    'bien-ban': () => minutesData({ now, req, round }),
    'quyet-dinh-thanh-lap-doan': () => teamDecisionData({ now, req, round }),
  }
  return { data: await builders[type](), regime: await roundRegime({ req, round }) }
}

// ---------------------------------------------------------------------------------------------
// per decision

export const decisionData = async ({ req, decision, now }: { req: PayloadRequest; decision: Decision; now: Date }): Promise<{ data: Data; regime: string | null; authorityId: number | string | null }> => {
  const round = await byId<Round>({ collection: 'rounds', id: decision.round, req })
  const authority = await byId<Authority>({ collection: 'authorities', id: decision.authority ?? round?.authority, req })
  const entries = (decision.entries ?? []).filter((entry) => !entry.isRemoved)
  const unitIds = [...new Set(entries.map((entry) => relationId(entry.unit)).filter((id) => id !== null))]
  const units = (await findByIds({ collection: 'units', ids: unitIds as number[], req, select: { name: true, unitType: true } })) as Pick<Unit, 'id' | 'name' | 'unitType'>[]
  const unitById = new Map(units.map((unit) => [String(unit.id), unit]))
  const types = await unitTypeLabels({ codes: units.map((unit) => unit.unitType), req })
  // an issued decision names the units and the authority as they were named when it was issued (the
  // register's rows keep those names), not as a later merger or renaming calls them
  const { docs: issuedRows } =
    decision.status === 'issued'
      ? await req.payload.find({ collection: 'recognitions', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { authorityName: true, unit: true, unitName: true }, where: { decision: { equals: decision.id } } })
      : { docs: [] }
  const issuedName = new Map(issuedRows.map((row) => [String(relationId(row.unit)), row.unitName]))
  const gradeOrder = ['tot', 'kha', 'trung-binh']
  const rank = (entry: (typeof entries)[number]) => entry.level ?? 10 + gradeOrder.indexOf(entry.grade ?? '')
  const annex = [...entries]
    .map((entry) => {
      const unit = unitById.get(String(relationId(entry.unit)))
      const name = issuedName.get(String(relationId(entry.unit)))
      return { entry, unit: unit && name ? { ...unit, name } : unit }
    })
    .sort((a, b) => rank(a.entry) - rank(b.entry) || (a.unit?.name ?? '').localeCompare(b.unit?.name ?? '', 'vi'))
  const name = issuedRows.find((row) => row.authorityName)?.authorityName ?? authority?.name ?? ''
  const committee = committeeName({ authorityName: name })
  const isoDate = toIsoDay(decision.signedOn) ?? todayInVietnam(now)
  const parent = authority?.parent ? await byId<Authority>({ collection: 'authorities', id: authority.parent, req }) : null
  const data: Data = {
    ...header({ isoDate, issuer: committee, number: decision.number ?? '', parent: '', place: placeName(name), signerTitle: decision.signer ?? authority?.deciderTitle ?? null, year: round?.year ?? '' }),
    canCu: await basisOf({ req, round }),
    capQuanLy: committee,
    coQuanTiepNhan: authority?.receivingOffice ?? '',
    noiNhan: [{ ten: 'Như Điều 3;' }, ...(parent ? [{ ten: `${committeeName({ authorityName: parent.name })} (báo cáo);` }] : []), { ten: 'Lưu: VT.' }],
    phuLuc: annex.map(({ entry, unit }, index) => ({
      donVi: unit?.name ?? '',
      loaiDonVi: types.get(String(unit?.unitType)) ?? unit?.unitType ?? '',
      mucDo: entry.level ? `Mức độ ${entry.level}` : (entry.outcomeLabel ?? outcomeLabel(entry.grade) ?? ''),
      stt: index + 1,
    })),
    soDonVi: countWithWords(entries.length),
    tenDotDanhGia: round?.title ?? '',
    thamQuyenBanHanh: issuingPower({ authorityName: name, signerTitle: decision.signer ?? authority?.deciderTitle ?? null }),
  }
  return { authorityId: authority?.id ?? null, data, regime: round ? await roundRegime({ req, round }) : null }
}
