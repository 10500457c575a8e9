/**
 * TT 24/2023/TT-BGDĐT, provincial-level units, Level 1 (Điều 12; REGULATIONS §2.6).
 * Tiêu chí 1 = Điều 6.1 and Tiêu chí 2 = Điều 6.2 by reference [C:S6, S11]. Tiêu chí 3 is confirmed in
 * English [S6]; only CT3 has confirmed Vietnamese wording [seed-4], the others are reconstructed
 * and unverified. CT1 has a second test for education institutions (≥ 95 % of learners); whether it
 * replaces or adds to the member test is UNKNOWN, so it is seeded as an added indicator `TC3.CT1b`.
 */
import type { CriteriaSetInput } from '@criteria/schema'
import {
  conditionsCriterion,
  digitalScale,
  effectivenessTitle,
  emulationScale,
  higherEducationTypes,
  membersCriterionLevel1,
  provincialDigitalSchoolTypes,
  provincialLearnerInstitutionTypes,
  tt24Level1Recognition,
  vocationalTypes,
} from './tt24-2023-shared'

const englishSource = 'TT 24/2023 Điều 12.3 [S6, bản tiếng Anh]'

export const tt24TinhLevel1Set: CriteriaSetInput = {
  code: 'tt24-2023-tinh-1',
  title: 'Đánh giá, công nhận “Đơn vị học tập” cấp tỉnh – Mức độ 1 (Thông tư 24/2023/TT-BGDĐT, Điều 12)',
  regime: 'tt24-2023',
  model: 'pass-fail',
  tier: 'tinh',
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
          text: 'Có ít nhất 90% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.',
          measure: 'ratio',
          threshold: 0.9,
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          code: 'TC3.CT1b',
          text:
            'Đơn vị cấp tỉnh là cơ sở giáo dục được đánh giá, công nhận ở cấp tỉnh có ít nhất 95% người học đạt danh hiệu ' +
            '“Công dân học tập”.',
          measure: 'ratio',
          threshold: 0.95,
          appliesTo: provincialLearnerInstitutionTypes,
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          code: 'TC3.CT2',
          text: 'Đơn vị cấp tỉnh tổ chức các hoạt động tạo môi trường học tập, chia sẻ tri thức với các đơn vị khác.',
          measure: 'boolean',
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          code: 'TC3.CT3',
          text:
            'Đơn vị cấp tỉnh đạt danh hiệu thi đua từ “Tập thể lao động tiên tiến” (Theo Luật Thi đua, Khen thưởng ' +
            'số 06/2022/QH15) trở lên',
          measure: 'rank',
          scale: emulationScale,
          threshold: 'tap-the-lao-dong-tien-tien',
          evidenceRequired: true,
          isVerified: true,
          source: 'TT 24/2023 Điều 12.3 [seed-4]',
        },
        {
          // S6 cites QĐ 4740 here, S7 (Level 2) QĐ 4725; REGULATIONS takes 4740 for a translation slip
          code: 'TC3.CT4',
          text:
            'Đơn vị cấp tỉnh là trường trung học phổ thông, trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học ' +
            'phổ thông, trung tâm giáo dục thường xuyên đạt mức độ chuyển đổi số “Đáp ứng cơ bản” theo Quyết định số ' +
            '4725/QĐ-BGDĐT ngày 30/12/2022.',
          measure: 'rank',
          scale: digitalScale,
          threshold: 'dap-ung-co-ban',
          appliesTo: provincialDigitalSchoolTypes,
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          code: 'TC3.CT5',
          text:
            'Đơn vị cấp tỉnh là cơ sở giáo dục đại học đạt mức độ chuyển đổi số “Đáp ứng cơ bản” theo Quyết định số ' +
            '4740/QĐ-BGDĐT ngày 30/12/2022.',
          measure: 'rank',
          scale: digitalScale,
          threshold: 'dap-ung-co-ban',
          appliesTo: higherEducationTypes,
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          code: 'TC3.CT6',
          text: 'Đơn vị cấp tỉnh là cơ sở giáo dục nghề nghiệp đạt kiểm định chất lượng giáo dục nghề nghiệp theo quy định hiện hành.',
          measure: 'boolean',
          appliesTo: vocationalTypes,
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
      ],
    },
  ],
}
