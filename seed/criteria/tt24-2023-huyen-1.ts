/**
 * TT 24/2023/TT-BGDĐT, district-level units, Level 1 (Điều 6; REGULATIONS §2.4).
 * Tiêu chí 1 is confirmed in Vietnamese; Tiêu chí 2 in English only; Tiêu chí 3 (Điều 6.3) was not
 * reached at all (UNKNOWN): its indicators follow the shape REGULATIONS infers from the provincial
 * Level 1 pattern (§2.6), every one unverified, and their thresholds are seeded EMPTY ("Do not encode
 * these numbers until verified"): a round cannot open on the set until a province confirms its own
 * values by a local document. Omitted: a learner-% indicator for district schools (no threshold).
 */
import type { CriteriaSetInput } from '@criteria/schema'
import {
  conditionsCriterion,
  digitalScale,
  districtDigitalSchoolTypes,
  effectivenessTitle,
  emulationScale,
  membersCriterionLevel1,
  tt24Level1Recognition,
} from './tt24-2023-shared'

const inferredSource = 'TT 24/2023 Điều 6.3 [I: REGULATIONS §2.4, theo mẫu Điều 12.3]'

export const tt24HuyenLevel1Set: CriteriaSetInput = {
  code: 'tt24-2023-huyen-1',
  title: 'Đánh giá, công nhận “Đơn vị học tập” cấp huyện – Mức độ 1 (Thông tư 24/2023/TT-BGDĐT, Điều 6)',
  regime: 'tt24-2023',
  model: 'pass-fail',
  tier: 'huyen',
  level: 1,
  recognition: tt24Level1Recognition,
  criteria: [
    conditionsCriterion,
    membersCriterionLevel1,
    {
      code: 'TC3',
      title: effectivenessTitle,
      indicators: [
        {
          code: 'TC3.CT1',
          text: 'Có ít nhất …% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.',
          measure: 'ratio',
          threshold: null,
          evidenceRequired: true,
          isVerified: false,
          source: inferredSource,
        },
        {
          code: 'TC3.CT2',
          text: 'Đơn vị cấp huyện tổ chức các hoạt động tạo môi trường học tập, chia sẻ tri thức với các đơn vị khác.',
          measure: 'boolean',
          evidenceRequired: true,
          isVerified: false,
          source: inferredSource,
        },
        {
          code: 'TC3.CT3',
          text:
            'Đơn vị cấp huyện đạt danh hiệu thi đua từ “…” (theo Luật Thi đua, Khen thưởng ' +
            'số 06/2022/QH15) trở lên.',
          measure: 'rank',
          scale: emulationScale,
          threshold: null,
          evidenceRequired: true,
          isVerified: false,
          source: inferredSource,
        },
        {
          code: 'TC3.CT4',
          text:
            'Đơn vị cấp huyện là trường tiểu học, trường trung học cơ sở, trường phổ thông có nhiều cấp học có cấp học cao nhất ' +
            'là trung học cơ sở, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên đạt mức độ chuyển đổi số “…” ' +
            'theo Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022.',
          measure: 'rank',
          scale: digitalScale,
          threshold: null,
          appliesTo: districtDigitalSchoolTypes,
          evidenceRequired: true,
          isVerified: false,
          source: inferredSource,
        },
      ],
    },
  ],
}
