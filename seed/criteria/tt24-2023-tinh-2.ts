/**
 * TT 24/2023/TT-BGDĐT, provincial-level units, Level 2 (Điều 13; REGULATIONS §2.7).
 * Tiêu chí 1 = Điều 6.1 [C:S7]; Tiêu chí 2 = Điều 7.2 [C:S7], whose content is UNKNOWN (thresholds
 * seeded empty). Tiêu chí 3 CT1–CT4 are confirmed in English [S7]; CT5 and CT6 were cut off in the
 * source (UNKNOWN): CT5 keeps REGULATIONS' presumed shape (a digital level for universities) with its
 * level seeded empty, CT6 the presumed vocational accreditation, both unverified. The Level 1
 * prerequisite default is [I] (see the district Level 2 set).
 */
import type { CriteriaSetInput } from '@criteria/schema'
import {
  conditionsCriterion,
  digitalScale,
  effectivenessTitle,
  emulationScale,
  higherEducationTypes,
  membersCriterionLevel2,
  provincialDigitalSchoolTypes,
  provincialLearnerInstitutionTypes,
  tt24Level2Recognition,
  vocationalTypes,
} from './tt24-2023-shared'

const englishSource = 'TT 24/2023 Điều 13.3 [S7, bản tiếng Anh]'
const inferredSource = 'TT 24/2023 Điều 13.3 [I: REGULATIONS §2.7, nguồn bị cắt]'

export const tt24TinhLevel2Set: CriteriaSetInput = {
  code: 'tt24-2023-tinh-2',
  title: 'Đánh giá, công nhận “Đơn vị học tập” cấp tỉnh – Mức độ 2 (Thông tư 24/2023/TT-BGDĐT, Điều 13)',
  regime: 'tt24-2023',
  model: 'pass-fail',
  tier: 'tinh',
  level: 2,
  recognition: tt24Level2Recognition,
  criteria: [
    conditionsCriterion,
    membersCriterionLevel2,
    {
      code: 'TC3',
      title: effectivenessTitle,
      indicators: [
        {
          code: 'TC3.CT1',
          text: 'Có ít nhất 95% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.',
          measure: 'ratio',
          threshold: 0.95,
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          code: 'TC3.CT1b',
          text:
            'Đơn vị cấp tỉnh là cơ sở giáo dục được đánh giá, công nhận ở cấp tỉnh có ít nhất 97% người học đạt danh hiệu ' +
            '“Công dân học tập”.',
          measure: 'ratio',
          threshold: 0.97,
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
            'Đơn vị cấp tỉnh đạt danh hiệu thi đua từ “Tập thể lao động xuất sắc” (theo Luật Thi đua, Khen thưởng ' +
            'số 06/2022/QH15) trở lên.',
          measure: 'rank',
          scale: emulationScale,
          threshold: 'tap-the-lao-dong-xuat-sac',
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          code: 'TC3.CT4',
          text:
            'Đơn vị cấp tỉnh là trường trung học phổ thông, trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học ' +
            'phổ thông, trung tâm giáo dục thường xuyên đạt mức độ chuyển đổi số “Đáp ứng” theo Quyết định số ' +
            '4725/QĐ-BGDĐT ngày 30/12/2022.',
          measure: 'rank',
          scale: digitalScale,
          threshold: 'dap-ung',
          appliesTo: provincialDigitalSchoolTypes,
          evidenceRequired: true,
          isVerified: false,
          source: englishSource,
        },
        {
          // cut off in the source: the level is UNKNOWN (REGULATIONS §2.7), seeded empty
          code: 'TC3.CT5',
          text:
            'Đơn vị cấp tỉnh là cơ sở giáo dục đại học đạt mức độ chuyển đổi số “…” theo Quyết định số ' +
            '4740/QĐ-BGDĐT ngày 30/12/2022.',
          measure: 'rank',
          scale: digitalScale,
          threshold: null,
          appliesTo: higherEducationTypes,
          evidenceRequired: true,
          isVerified: false,
          source: inferredSource,
        },
        {
          // the Level 1 wording; REGULATIONS says Level 2 may be stricter, which a province can edit in
          code: 'TC3.CT6',
          text: 'Đơn vị cấp tỉnh là cơ sở giáo dục nghề nghiệp đạt kiểm định chất lượng giáo dục nghề nghiệp theo quy định hiện hành.',
          measure: 'boolean',
          appliesTo: vocationalTypes,
          evidenceRequired: true,
          isVerified: false,
          source: inferredSource,
        },
      ],
    },
  ],
}
