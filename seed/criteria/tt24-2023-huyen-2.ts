/**
 * TT 24/2023/TT-BGDĐT, district-level units, Level 2 (Điều 7; REGULATIONS §2.5). Only the existence
 * of Điều 7.2 is confirmed. Tiêu chí 1 reuses Điều 6.1 [I, as the provincial Level 2 does];
 * Tiêu chí 2 and 3 take the shape of the provincial pattern, every indicator unverified, and every
 * threshold of Art. 7.2 and 7.3 is seeded EMPTY (REGULATIONS: "All thresholds in Art. 7.2 and
 * Art. 7.3: UNKNOWN"; the 95 % / "xuất sắc" / "đáp ứng" pattern is an inference, not verified).
 * The Level 1 prerequisite with a 12-month wait is confirmed [C:S13]; whether a unit may apply
 * for Level 2 directly is UNKNOWN, so requiring Level 1 is the default REGULATIONS proposes [I].
 */
import type { CriteriaSetInput } from '@criteria/schema'
import {
  conditionsCriterion,
  digitalScale,
  districtDigitalSchoolTypes,
  effectivenessTitle,
  emulationScale,
  membersCriterionLevel2,
  tt24Level2Recognition,
} from './tt24-2023-shared'

const inferredSource = 'TT 24/2023 Điều 7.3 [I: REGULATIONS §2.5, theo mẫu Điều 13.3]'

export const tt24HuyenLevel2Set: CriteriaSetInput = {
  code: 'tt24-2023-huyen-2',
  title: 'Đánh giá, công nhận “Đơn vị học tập” cấp huyện – Mức độ 2 (Thông tư 24/2023/TT-BGDĐT, Điều 7)',
  regime: 'tt24-2023',
  model: 'pass-fail',
  tier: 'huyen',
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
