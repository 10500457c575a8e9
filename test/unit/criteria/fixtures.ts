/** Builders for small criteria sets and answers used across the criteria unit tests. */
import type { CriteriaSetSummary } from '@criteria/rounds'
import type { CriteriaSet, CriteriaSetInput, IndicatorInput } from '@criteria/schema'
import { validateCriteriaSet } from '@criteria/schema'

/** Validates a set built in a test; a fixture that does not validate is a broken test. */
export const mustValidate = (input: CriteriaSetInput): CriteriaSet => {
  const result = validateCriteriaSet(input)
  if (!result.ok) throw new Error(`fixture ${input.code} invalid: ${JSON.stringify(result.issues)}`)
  return result.set
}

export const emulationScale = ['khong', 'tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac']

/** A pass-fail set with one indicator of each pass-fail kind plus whatever a test adds. */
export const passFailInput = ({
  extraIndicators = [],
  level = 1,
  prerequisiteLevel = null,
}: {
  extraIndicators?: IndicatorInput[]
  level?: 1 | 2
  prerequisiteLevel?: 1 | null
} = {}): CriteriaSetInput => ({
  code: 'test-pass-fail',
  title: 'Bộ thử đạt/không đạt',
  regime: 'tt24-2023',
  model: 'pass-fail',
  tier: 'huyen',
  level,
  recognition: {
    prerequisiteLevel,
    monthsAfterPrerequisite: prerequisiteLevel === null ? 0 : 12,
    validityMonths: 36,
  },
  criteria: [
    {
      code: 'TC1',
      title: 'Điều kiện',
      indicators: [{ code: 'TC1.CT1', text: 'Ban hành kế hoạch', measure: 'boolean', isVerified: true }],
    },
    {
      code: 'TC3',
      title: 'Hiệu quả',
      indicators: [
        { code: 'TC3.CT1', text: 'Ít nhất 90% thành viên', measure: 'ratio', threshold: 0.9, isVerified: true },
        {
          code: 'TC3.CT3',
          text: 'Danh hiệu thi đua',
          measure: 'rank',
          scale: emulationScale,
          threshold: 'tap-the-lao-dong-tien-tien',
          isVerified: true,
        },
        ...extraIndicators,
      ],
    },
  ],
})

export const metPassFailAnswers = {
  'TC1.CT1': true,
  'TC3.CT1': { numerator: 95, denominator: 100 },
  'TC3.CT3': 'tap-the-lao-dong-tien-tien',
}

/** A points set: three indicators worth 40 + 40 + 20 = 100, graded like TT 22. */
export const pointsInput = (): CriteriaSetInput => ({
  code: 'test-points',
  title: 'Bộ thử chấm điểm',
  regime: 'tt22-2020',
  model: 'points',
  gradeBands: [
    { code: 'tot', label: 'Tốt', minPoints: 85 },
    { code: 'kha', label: 'Khá', minPoints: 70 },
    { code: 'trung-binh', label: 'Trung bình', minPoints: 50 },
    { code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 },
  ],
  criteria: [
    {
      code: '1',
      title: 'Nhóm 1',
      maxPoints: 80,
      indicators: [
        { code: '1.1', text: 'Chỉ báo 1.1', measure: 'points', maxPoints: 40, isVerified: true },
        { code: '1.2', text: 'Chỉ báo 1.2', measure: 'points', maxPoints: 40, isVerified: true },
      ],
    },
    {
      code: '2',
      title: 'Nhóm 2',
      indicators: [{ code: '2.1', text: 'Chỉ báo 2.1', measure: 'boolean', maxPoints: 20, isVerified: true }],
    },
  ],
})

/** A published national TT 24 district set at level 1, as the copy to next year sees it. */
export const setSummary = (overrides: Partial<CriteriaSetSummary>): CriteriaSetSummary => ({
  authority: null,
  code: 'tt24-2023-huyen-1',
  createdAt: '2025-01-01T00:00:00.000Z',
  id: 1,
  isPublished: true,
  level: 1,
  regime: 'tt24-2023',
  tier: 'huyen',
  ...overrides,
})
