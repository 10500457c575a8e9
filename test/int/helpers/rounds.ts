/**
 * Rounds and answers for the integration tests: a round (district tier unless told) on a seeded criteria set, and
 * answer rows filled so that every applicable indicator is met (with an explanation where the
 * indicator asks for evidence). A round made past its preparation first settles its sets with test
 * values (helpers/settle.ts): a round does not open on a set with unsettled indicators.
 */
import type { Payload } from 'payload'

import type { Round, SelfAssessment } from '@/payload-types'
import { todayInVietnam } from '@collections/dates'

import { settleSets } from './settle'
import type { World } from './world'

/** The evaluation year whose submission deadline (before 15/01 of N+1) has not passed today. */
export const openYear = () => Number(todayInVietnam(new Date()).slice(0, 4))

export const setIdByCode = async ({ payload, code }: { payload: Payload; code: string }) => {
  const { docs } = await payload.find({ collection: 'criteria-sets', depth: 0, limit: 1, where: { code: { equals: code } } })
  if (!docs[0]) throw new Error(`criteria set ${code} is not seeded`)
  return docs[0].id
}

export const createRound = async ({
  payload,
  world,
  setIds,
  year = openYear(),
  status = 'open',
  title,
  team,
  dossier = [],
  tier = 'huyen',
}: {
  payload: Payload
  world: World
  setIds: number[]
  year?: number
  status?: Round['status']
  title?: string
  team?: Round['team']
  /** the dossier checklist; none by default, so that a test about answers needs no attachments */
  dossier?: Round['dossier']
  /** the round's tier: its sets must be of it (a district round unless told) */
  tier?: Round['tier']
}) => {
  if (status !== 'draft') await settleSets({ payload, setIds })
  return payload.create({
    collection: 'rounds',
    data: {
      authority: world.authorities.districtA.id,
      criteriaSets: setIds,
      dossier,
      status,
      team: team ?? [{ role: 'truong-doan', user: world.users.reviewer.id }],
      tier,
      title: title ?? `Đánh giá Đơn vị học tập năm ${year}`,
      year,
    },
  })
}

type Rows = NonNullable<SelfAssessment['answers']>

/** Every applicable row answered so that it is met; `explain` adds an explanation for evidence. */
export const metAnswers = ({ rows, explain = true }: { rows: Rows; explain?: boolean }): Rows =>
  rows.map((row) => {
    if (!row.isApplicable) return row
    const scale = (row.scale as { code: string }[] | null) ?? []
    const filled = {
      ...row,
      denominator: row.measure === 'ratio' ? 20 : row.denominator,
      numerator: row.measure === 'ratio' ? 20 : row.numerator,
      points: row.measure === 'points' ? row.maxPoints : row.points,
      rank: row.measure === 'rank' ? (scale.at(-1)?.code ?? null) : row.rank,
      yesNo: row.measure === 'boolean' ? ('yes' as const) : row.yesNo,
    }
    return explain && row.evidenceRequired ? { ...filled, explanation: 'Hồ sơ gốc lưu tại văn phòng đơn vị.' } : filled
  })
