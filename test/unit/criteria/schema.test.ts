import { describe, expect, it } from 'vitest'
import type { CriteriaSetInput } from '@criteria/schema'
import { formatIssuePath } from '@criteria/issues'
import { criteriaSetSchema, validateCriteriaSet } from '@criteria/schema'
import { passFailInput, pointsInput } from './fixtures'

type Mutation = (set: CriteriaSetInput) => void

/** Deep copy of a fixture so a case can mutate it freely. */
const copy = (input: CriteriaSetInput): CriteriaSetInput => structuredClone(input)

const expectRefusal = ({ input, code, path }: { input: CriteriaSetInput; code: string; path: string }) => {
  const result = validateCriteriaSet(input)
  expect(result.ok).toBe(false)
  if (result.ok) return
  const found = result.issues.map((issue) => ({ code: issue.code, path: formatIssuePath(issue) }))
  expect(found).toContainEqual({ code, path })
  for (const issue of result.issues) {
    expect(issue.severity).toBe('error')
    expect(issue.message.length).toBeGreaterThan(0)
  }
}

describe('validateCriteriaSet accepts the fixtures and fills defaults', () => {
  it('accepts a pass-fail set', () => {
    const result = validateCriteriaSet(passFailInput())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [indicator] = result.set.criteria[0].indicators
    expect(indicator).toMatchObject({ appliesTo: [], scale: [], threshold: null, maxPoints: null, evidenceRequired: false })
    expect(result.set.gradeBands).toEqual([])
  })

  it('accepts a points set', () => {
    expect(validateCriteriaSet(pointsInput()).ok).toBe(true)
  })

  it('drops fields it does not know (Payload ids, timestamps)', () => {
    const result = validateCriteriaSet({ ...passFailInput(), id: 7, createdAt: '2025-01-01' })
    expect(result.ok && 'id' in result.set).toBe(false)
  })
})

describe('validateCriteriaSet refuses meaningless sets, naming the field', () => {
  const passFailCases: { name: string; mutate: Mutation; code: string; path: string }[] = [
    {
      name: 'duplicate indicator code across criteria',
      mutate: (set) => {
        set.criteria[1].indicators[0].code = 'TC1.CT1'
      },
      code: 'duplicate-indicator-code',
      path: 'criteria.1.indicators.0.code',
    },
    {
      name: 'duplicate criterion code',
      mutate: (set) => {
        set.criteria[1].code = 'TC1'
      },
      code: 'duplicate-criterion-code',
      path: 'criteria.1.code',
    },
    ...[0, -0.5, 1.01, 90].map((threshold) => ({
      name: `ratio threshold ${threshold} outside (0, 1]`,
      mutate: (set: CriteriaSetInput) => {
        set.criteria[1].indicators[0].threshold = threshold
      },
      code: 'invalid-threshold',
      path: 'criteria.1.indicators.0.threshold',
    })),
    {
      name: 'ratio threshold with more than six decimals',
      mutate: (set) => {
        set.criteria[1].indicators[0].threshold = 0.1234567
      },
      code: 'invalid-threshold',
      path: 'criteria.1.indicators.0.threshold',
    },
    {
      name: 'ratio without threshold',
      mutate: (set) => {
        set.criteria[1].indicators[0].threshold = null
      },
      code: 'invalid-threshold',
      path: 'criteria.1.indicators.0.threshold',
    },
    {
      name: 'ratio threshold given as text',
      mutate: (set) => {
        set.criteria[1].indicators[0].threshold = '90%'
      },
      code: 'invalid-threshold',
      path: 'criteria.1.indicators.0.threshold',
    },
    {
      name: 'rank threshold not in scale',
      mutate: (set) => {
        set.criteria[1].indicators[1].threshold = 'chien-si-thi-dua'
      },
      code: 'threshold-not-in-scale',
      path: 'criteria.1.indicators.1.threshold',
    },
    {
      name: 'rank scale with a single code',
      mutate: (set) => {
        set.criteria[1].indicators[1].scale = ['tap-the-lao-dong-tien-tien']
      },
      code: 'invalid-scale',
      path: 'criteria.1.indicators.1.scale',
    },
    {
      name: 'rank scale with a repeated code',
      mutate: (set) => {
        set.criteria[1].indicators[1].scale = ['khong', 'tap-the-lao-dong-tien-tien', 'khong']
      },
      code: 'duplicate-scale-code',
      path: 'criteria.1.indicators.1.scale',
    },
    {
      name: 'boolean with a threshold',
      mutate: (set) => {
        set.criteria[0].indicators[0].threshold = 1
      },
      code: 'threshold-not-allowed',
      path: 'criteria.0.indicators.0.threshold',
    },
    {
      name: 'a points measure in a pass-fail set',
      mutate: (set) => {
        set.criteria[0].indicators[0].measure = 'points'
      },
      code: 'measure-not-allowed',
      path: 'criteria.0.indicators.0.measure',
    },
    {
      name: 'maxPoints in a pass-fail set',
      mutate: (set) => {
        set.criteria[0].indicators[0].maxPoints = 10
      },
      code: 'not-allowed-in-pass-fail',
      path: 'criteria.0.indicators.0.maxPoints',
    },
    {
      name: 'a malformed unit-type code (words with diacritics) in appliesTo',
      mutate: (set) => {
        set.criteria[0].indicators[0].appliesTo = ['xa', 'Trường học']
      },
      code: 'invalid-value',
      path: 'criteria.0.indicators.0.appliesTo.1',
    },
    {
      name: 'an empty unit-type code in appliesTo',
      mutate: (set) => {
        set.criteria[0].indicators[0].appliesTo = ['']
      },
      code: 'invalid-value',
      path: 'criteria.0.indicators.0.appliesTo.0',
    },
    {
      name: 'a number as unit-type code in appliesTo',
      mutate: (set) => {
        set.criteria[0].indicators[0].appliesTo = [42 as unknown as string]
      },
      code: 'invalid-type',
      path: 'criteria.0.indicators.0.appliesTo.0',
    },
    {
      name: 'a malformed tier code',
      mutate: (set) => {
        set.tier = 'Cấp huyện'
      },
      code: 'invalid-value',
      path: 'tier',
    },
    {
      name: 'an unknown measure kind',
      mutate: (set) => {
        set.criteria[0].indicators[0].measure = 'percent' as 'ratio'
      },
      code: 'invalid-value',
      path: 'criteria.0.indicators.0.measure',
    },
    {
      name: 'an empty indicator text',
      mutate: (set) => {
        set.criteria[0].indicators[0].text = '  '
      },
      code: 'too-small',
      path: 'criteria.0.indicators.0.text',
    },
    {
      name: 'a prerequisite level not below the set level',
      mutate: (set) => {
        set.level = 1
        set.recognition = { prerequisiteLevel: 1, monthsAfterPrerequisite: 12, validityMonths: 36 }
      },
      code: 'invalid-prerequisite-level',
      path: 'recognition.prerequisiteLevel',
    },
    {
      name: 'a level 3',
      mutate: (set) => {
        set.level = 3 as 2
      },
      code: 'invalid-value',
      path: 'level',
    },
  ]

  it.each(passFailCases)('$name → $code at $path', ({ mutate, code, path }) => {
    const input = copy(passFailInput())
    mutate(input)
    expectRefusal({ input, code, path })
  })

  const pointsCases: { name: string; mutate: Mutation; code: string; path: string }[] = [
    {
      name: 'points indicator without maxPoints',
      mutate: (set) => {
        set.criteria[0].indicators[1].maxPoints = null
      },
      code: 'missing-max-points',
      path: 'criteria.0.indicators.1.maxPoints',
    },
    {
      name: 'maxPoints of 0',
      mutate: (set) => {
        set.criteria[0].indicators[1].maxPoints = 0
      },
      code: 'invalid-max-points',
      path: 'criteria.0.indicators.1.maxPoints',
    },
    {
      name: 'criterion maxPoints that is not the sum of its indicators',
      mutate: (set) => {
        set.criteria[0].maxPoints = 30
      },
      code: 'criterion-max-points-mismatch',
      path: 'criteria.0.maxPoints',
    },
    {
      name: 'no grade bands',
      mutate: (set) => {
        set.gradeBands = []
      },
      code: 'missing-grade-bands',
      path: 'gradeBands',
    },
    {
      name: 'no band starting at 0',
      mutate: (set) => {
        set.gradeBands = set.gradeBands?.slice(0, 3)
      },
      code: 'missing-lowest-grade-band',
      path: 'gradeBands',
    },
    {
      name: 'two bands with one code',
      mutate: (set) => {
        if (set.gradeBands) set.gradeBands[1].code = 'tot'
      },
      code: 'duplicate-grade-band-code',
      path: 'gradeBands.1.code',
    },
    {
      name: 'a band above the total',
      mutate: (set) => {
        if (set.gradeBands) set.gradeBands[0].minPoints = 101
      },
      code: 'min-points-above-total',
      path: 'gradeBands.0.minPoints',
    },
    {
      name: 'a level on a points set',
      mutate: (set) => {
        set.level = 1
      },
      code: 'level-not-allowed',
      path: 'level',
    },
  ]

  it.each(pointsCases)('$name → $code at $path', ({ mutate, code, path }) => {
    const input = copy(pointsInput())
    mutate(input)
    expectRefusal({ input, code, path })
  })

  it('reports every problem at once', () => {
    const input = copy(passFailInput())
    input.criteria[1].code = 'TC1'
    input.criteria[1].indicators[0].threshold = 2
    input.criteria[1].indicators[1].threshold = 'x'
    const result = validateCriteriaSet(input)
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['duplicate-criterion-code', 'invalid-threshold', 'threshold-not-in-scale']),
    )
  })

  it('the schema alone refuses the same sets (for a Payload validate function)', () => {
    const input = copy(passFailInput())
    input.criteria[1].indicators[0].code = 'TC1.CT1'
    expect(criteriaSetSchema.safeParse(input).success).toBe(false)
  })

  it.each([null, undefined, 42, 'tt24', [], {}, { criteria: [null] }, { ...passFailInput(), criteria: 'TC1' }])(
    'returns issues for junk input %j instead of throwing',
    (input) => {
      const result = validateCriteriaSet(input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.issues.length).toBeGreaterThan(0)
    },
  )

  it('a malformed unit-type or tier code is refused in Vietnamese, naming the field and the value', () => {
    const input = copy(passFailInput())
    input.tier = 'Cấp huyện'
    input.criteria[0].indicators[0].appliesTo = ['Trường học', '']
    const result = validateCriteriaSet(input)
    expect(result.ok ? [] : result.issues.map(({ code, message, path }) => ({ code, message, path: path.join('.') }))).toEqual([
      { code: 'invalid-value', message: 'Mã cấp đơn vị không hợp lệ: "Cấp huyện".', path: 'tier' },
      { code: 'invalid-value', message: 'Mã loại đơn vị không hợp lệ: "Trường học".', path: 'criteria.0.indicators.0.appliesTo.0' },
      { code: 'invalid-value', message: 'Mã loại đơn vị không hợp lệ: "".', path: 'criteria.0.indicators.0.appliesTo.1' },
    ])
  })

  it('any well-formed unit-type and tier code is accepted: the catalogues, not the core, hold which exist', () => {
    const input = copy(passFailInput())
    input.tier = 'vung-cao'
    input.criteria[0].indicators[0].appliesTo = ['truong_quoc_te', 'thpt']
    const result = validateCriteriaSet(input)
    expect(result.ok && { tier: result.set.tier, appliesTo: result.set.criteria[0].indicators[0].appliesTo }).toEqual({ appliesTo: ['truong_quoc_te', 'thpt'], tier: 'vung-cao' })
  })

  it('words structural issues in Vietnamese', () => {
    const result = validateCriteriaSet({ ...passFailInput(), title: 5 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'invalid-type', path: ['title'] })
    if (!result.ok) expect(result.issues[0].message).toMatch(/không hợp lệ/)
  })
})
