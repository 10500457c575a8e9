/**
 * Parts of TT 24/2023/TT-BGDĐT shared between its four criteria sets, stored once and reused by
 * reference as the circular does (REGULATIONS §2.5–2.7, §7): Tiêu chí 1 (Điều 6.1) in all four sets,
 * Tiêu chí 2 of Level 1 (Điều 6.2) in both Level 1 sets, Tiêu chí 2 of Level 2 (Điều 7.2) in both
 * Level 2 sets. Also the rank scales and unit-type groups used for applicability.
 *
 * `isVerified: false` marks anything whose Vietnamese wording, value or applicability is not confirmed
 * by a Vietnamese source in REGULATIONS; see README.md for the list and reasons.
 */
import type { CriterionInput, RecognitionRuleInput } from '@criteria/schema'
import type { UnitType } from '@criteria/unitTypes'

/** Collective emulation titles, Luật Thi đua, Khen thưởng 06/2022/QH15, low to high. */
export const emulationScale = ['khong', 'tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac']

/** Digital-transformation levels of QĐ 4725/QĐ-BGDĐT and QĐ 4740/QĐ-BGDĐT, low to high. */
export const digitalScale = ['chua-dap-ung', 'dap-ung-co-ban', 'dap-ung']

/**
 * "Cơ quan, đơn vị sự nghiệp công lập của nhà nước" (TC1.CT3). The mapping to unit types is ours [I]:
 * state and Party bodies, mass organisations and the armed forces are state-funded; schools are
 * counted as public (unit types do not tell public from private except for preschools).
 */
export const stateFundedUnitTypes: UnitType[] = [
  'xa',
  'co_quan_dang',
  'co_quan_nha_nuoc',
  'doan_the',
  'luc_luong_vu_trang',
  'mam_non_cong_lap',
  'tieu_hoc',
  'thcs',
  'thpt',
  'gdtx',
  'gdnn',
  'cao_dang',
  'dai_hoc',
]

/** District schools under QĐ 4725 (primary, lower secondary, multi-level up to THCS, TT GDNN-GDTX) [I]. */
export const districtDigitalSchoolTypes: UnitType[] = ['tieu_hoc', 'thcs', 'gdtx']

/** Provincial schools under QĐ 4725 (THPT, multi-level up to THPT, TT GDTX tỉnh) [C:S6, S7]. */
export const provincialDigitalSchoolTypes: UnitType[] = ['thpt', 'gdtx']

/** Provincial education institutions whose learners are counted for "Công dân học tập" [I]. */
export const provincialLearnerInstitutionTypes: UnitType[] = ['thpt', 'gdtx', 'gdnn', 'cao_dang', 'dai_hoc']

export const higherEducationTypes: UnitType[] = ['dai_hoc']

export const vocationalTypes: UnitType[] = ['gdnn', 'cao_dang']

const article61 = 'TT 24/2023 Điều 6.1 [S12]'

/** Tiêu chí 1, Điều 6.1; provincial sets reuse it (Điều 12.1, 13.1) [C:S6, S7]. */
export const conditionsCriterion: CriterionInput = {
  code: 'TC1',
  title: 'Về điều kiện xây dựng “Đơn vị học tập”',
  indicators: [
    {
      code: 'TC1.CT1',
      text: 'Ban hành kế hoạch hằng năm cho Thành viên trong đơn vị được học tập thường xuyên, tổ chức triển khai, thực hiện kế hoạch.',
      measure: 'boolean',
      evidenceRequired: true,
      isVerified: true,
      source: article61,
    },
    {
      code: 'TC1.CT2',
      text:
        'Thực hiện đầy đủ các chế độ về đào tạo, bồi dưỡng theo quy định hiện hành, có quy định của đơn vị nhằm khuyến khích, ' +
        'động viên Thành viên trong đơn vị tích cực học tập. Đơn vị cấp huyện là nhà trẻ, trường mẫu giáo, trường mầm non công lập ' +
        'tham gia thực hiện tập huấn, bồi dưỡng nâng cao chuyên môn nghiệp vụ, hỗ trợ cho giáo viên của các cơ sở giáo dục mầm non ' +
        'dân lập, tư thục trên địa bàn theo quy định.',
      measure: 'boolean',
      evidenceRequired: true,
      isVerified: true,
      source: article61,
    },
    {
      // wording confirmed; which unit types count as state agencies / public units is our mapping
      code: 'TC1.CT3',
      text:
        'Bố trí đủ kinh phí từ ngân sách nhà nước hằng năm để thực hiện công tác đào tạo, bồi dưỡng đối với Thành viên trong đơn vị ' +
        '(đối với đơn vị là cơ quan, đơn vị sự nghiệp công lập của nhà nước).',
      measure: 'boolean',
      appliesTo: stateFundedUnitTypes,
      evidenceRequired: true,
      isVerified: false,
      source: article61,
    },
    {
      code: 'TC1.CT4',
      text:
        'Đơn vị cấp huyện triển khai chuyển đổi số, các Thành viên trong đơn vị được trang bị các dụng cụ, thiết bị học tập đáp ứng ' +
        'nhu cầu làm việc và học tập trong bối cảnh chuyển đổi số.',
      measure: 'boolean',
      evidenceRequired: true,
      isVerified: true,
      source: article61,
    },
    {
      // the source text is cut off after these words
      code: 'TC1.CT5',
      text: 'Tham gia các hoạt động phục vụ việc học tập suốt đời …',
      measure: 'boolean',
      evidenceRequired: true,
      isVerified: false,
      source: article61,
    },
  ],
}

const membersLearningTitle = 'Về kết quả học tập của Thành viên trong đơn vị'

/**
 * Builds Tiêu chí 2 at a member threshold. Level 1 (Điều 6.2): 90 % [C:S5, English only; the Vietnamese
 * wording is reconstructed]. Điều 6.2 has at least one more indicator (CT3) whose text is UNKNOWN:
 * not seeded, there is nothing to encode. A `null` threshold is an UNKNOWN value: seeded empty, the
 * wording says "…%" and a province confirms its own value before a round opens on it.
 */
const membersCriterion = ({ threshold, source }: { threshold: number | null; source: string }): CriterionInput => {
  const percent = threshold === null ? '…' : String(Math.round(threshold * 100))
  return {
    code: 'TC2',
    title: membersLearningTitle,
    indicators: [
      {
        code: 'TC2.CT1',
        text:
          `Có ít nhất ${percent}% Thành viên trong đơn vị chấp hành kỷ luật lao động, nội quy làm việc của đơn vị, ` +
          'có tinh thần đoàn kết, hợp tác, chia sẻ, trao đổi.',
        measure: 'ratio',
        threshold,
        evidenceRequired: true,
        isVerified: false,
        source,
      },
      {
        code: 'TC2.CT2',
        text:
          `Có ít nhất ${percent}% Thành viên trong đơn vị hoàn thành đầy đủ các chương trình học tập, bồi dưỡng theo quy định ` +
          'của nhà nước hoặc của đơn vị, đoàn thể được lãnh đạo đơn vị phê duyệt.',
        measure: 'ratio',
        threshold,
        evidenceRequired: true,
        isVerified: false,
        source,
      },
    ],
  }
}

/** Tiêu chí 2, Level 1 (Điều 6.2), reused by the provincial Level 1 set (Điều 12.2) [C:S6]. */
export const membersCriterionLevel1 = membersCriterion({
  threshold: 0.9,
  source: 'TT 24/2023 Điều 6.2 [S5, bản tiếng Anh]',
})

/**
 * Tiêu chí 2, Level 2 (Điều 7.2), reused by the provincial Level 2 set (Điều 13.2) [C:S7]. Its content
 * is UNKNOWN (REGULATIONS §2.5: 95 % is only inferred from the provincial pattern, "not verified"), so
 * the thresholds are seeded empty.
 */
export const membersCriterionLevel2 = membersCriterion({
  threshold: null,
  source: 'TT 24/2023 Điều 7.2 [nội dung UNKNOWN: REGULATIONS §2.5]',
})

/**
 * The recognition rules of TT 24/2023 in its own words (REGULATIONS §2.3). Confirmed: the 36-month
 * retention "tiếp theo năm được công nhận" and the 12-month wait "kể từ ngày ra quyết định công nhận"
 * [C:S13, seed-4]. Readings, not text (so the rule stays unverified): that the 36 months start on
 * 1 January after the decision's year, that the 12 months are counted to the day the unit applies,
 * and that an expired Level 1 no longer counts (REGULATIONS is silent; UNKNOWN).
 */
const retentionText = 'Kết quả công nhận «được bảo lưu trong thời hạn 03 năm (36 tháng) tiếp theo năm được công nhận».'
const tt24RuleSource =
  'TT 24/2023 [S13, seed-4]; mốc bắt đầu 36 tháng, ngày tính đủ 12 tháng và việc Mức độ 1 hết hạn không còn được tính là cách đọc văn bản, chưa đối chiếu (REGULATIONS §2.3)'

export const tt24Level1Recognition: RecognitionRuleInput = {
  prerequisiteLevel: null,
  monthsAfterPrerequisite: 0,
  waitMeasuredAt: 'application',
  expiredPrerequisiteCounts: false,
  validityMonths: 36,
  validityAnchor: 'after-decision-year',
  ruleText: retentionText,
  isVerified: false,
  source: tt24RuleSource,
}

export const tt24Level2Recognition: RecognitionRuleInput = {
  ...tt24Level1Recognition,
  prerequisiteLevel: 1,
  monthsAfterPrerequisite: 12,
  ruleText:
    'Đơn vị đã được công nhận Mức độ 1 được đề nghị công nhận Mức độ 2 «sau ít nhất 1 năm (12 tháng) kể từ ngày ra quyết định công nhận». ' +
    retentionText,
}

export const effectivenessTitle = 'Về hiệu quả xây dựng “Đơn vị học tập”'
