/**
 * TT 22/2020/TT-BGDĐT, Điều 5 (REGULATIONS §3.2–3.3): the old points regime. Ten indicators
 * ("chỉ báo") in three groups worth 30/30/40, graded Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50, else
 * Chưa đạt. Each indicator is a `points` measure scored up to its maximum. The wording and the
 * maximum points are the circular's, but how partial credit is given inside an indicator is not
 * (UNKNOWN, §3.2: each province's guide says it, e.g. Cao Bằng HD 219 Phụ lục 1): the scoring guide
 * (`rubric`) is seeded empty and every indicator unverified, so a round cannot open on the set until
 * a province enters its guide and confirms it by its own document. No tier split, no levels, no
 * recognition period: a yearly grading (§3.4 "định kỳ mỗi năm một lần"), so no validity.
 */
import type { CriteriaSetInput } from '@criteria/schema'

const group1Source = 'TT 22/2020 Điều 5.1 [S3, S4]'
const group2Source = 'TT 22/2020 Điều 5.2 [S3, S4]'
const group3Source = 'TT 22/2020 Điều 5.3 [S3, S23]'

export const tt22Set: CriteriaSetInput = {
  code: 'tt22-2020',
  title: 'Đánh giá, xếp loại “Đơn vị học tập” (Thông tư 22/2020/TT-BGDĐT)',
  regime: 'tt22-2020',
  model: 'points',
  tier: null,
  level: null,
  recognition: {
    prerequisiteLevel: null,
    monthsAfterPrerequisite: 0,
    validityMonths: null,
    ruleText: 'Đánh giá, xếp loại «định kỳ mỗi năm một lần»; không quy định thời hạn bảo lưu kết quả.',
    isVerified: false,
    source: 'TT 22/2020 [S1, bản tóm tắt]; không thấy quy định thời hạn bảo lưu trong các trích đoạn (REGULATIONS §3.4)',
  },
  gradeBands: [
    { code: 'tot', label: 'Tốt', minPoints: 85 },
    { code: 'kha', label: 'Khá', minPoints: 70 },
    { code: 'trung-binh', label: 'Trung bình', minPoints: 50 },
    { code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 },
  ],
  criteria: [
    {
      code: '1',
      title: 'Tiêu chí về điều kiện để xây dựng Đơn vị học tập',
      maxPoints: 30,
      indicators: [
        {
          code: '1.1',
          text: 'Đơn vị có chủ trương hoặc kế hoạch cho thành viên học tập thường xuyên',
          measure: 'points',
          maxPoints: 10,
          evidenceRequired: true,
          isVerified: false,
          source: group1Source,
        },
        {
          code: '1.2',
          text: 'Đơn vị có các quy định cụ thể nhằm động viên thành viên học tập',
          measure: 'points',
          maxPoints: 10,
          evidenceRequired: true,
          isVerified: false,
          source: group1Source,
        },
        {
          code: '1.3',
          text: 'Đơn vị quan tâm đầu tư các nguồn lực bao gồm tài chính, cơ sở vật chất, trang thiết bị và những điều kiện đảm bảo để đáp ứng nhu cầu học tập của thành viên',
          measure: 'points',
          maxPoints: 10,
          evidenceRequired: true,
          isVerified: false,
          source: group1Source,
        },
      ],
    },
    {
      code: '2',
      title: 'Tiêu chí về kết quả học tập của thành viên',
      maxPoints: 30,
      indicators: [
        {
          code: '2.1',
          text: '100% thành viên trong đơn vị có kế hoạch tự học, tự bồi dưỡng hàng năm được lãnh đạo đơn vị phê duyệt',
          measure: 'points',
          maxPoints: 10,
          evidenceRequired: true,
          isVerified: false,
          source: group2Source,
        },
        {
          code: '2.2',
          text: '100% thành viên trong đơn vị tuân thủ kỷ luật lao động, nội quy làm việc trong đơn vị, có tinh thần hợp tác, đoàn kết và trao đổi',
          measure: 'points',
          maxPoints: 5,
          evidenceRequired: true,
          isVerified: false,
          source: group2Source,
        },
        {
          code: '2.3',
          text: '100% thành viên trong đơn vị hoàn thành đầy đủ chương trình học tập, bồi dưỡng bắt buộc theo quy định của nhà nước',
          measure: 'points',
          maxPoints: 10,
          evidenceRequired: true,
          isVerified: false,
          source: group2Source,
        },
        {
          code: '2.4',
          text: '100% thành viên trong đơn vị đạt từ danh hiệu “Lao động tiên tiến” trở lên',
          measure: 'points',
          maxPoints: 5,
          evidenceRequired: true,
          isVerified: false,
          source: group2Source,
        },
      ],
    },
    {
      code: '3',
      title: 'Tiêu chí đánh giá hiệu quả, tác động của xây dựng Đơn vị học tập',
      maxPoints: 40,
      indicators: [
        {
          code: '3.1',
          text:
            '100% thành viên trong đơn vị đáp ứng đầy đủ các năng lực và phẩm chất của Công dân học tập: ' +
            '(a) ý thức tuân thủ pháp luật, thực hiện quyền và trách nhiệm công dân đối với gia đình, xã hội; ' +
            '(b) cam kết học tập suốt đời để phát triển bản thân; ' +
            '(c) ý thức tổ chức việc học tập trong gia đình, dòng họ, cộng đồng; ' +
            '(d) lối sống lành mạnh, tôn trọng và hòa hợp với môi trường; ' +
            '(e) biết sử dụng ngoại ngữ và công nghệ thông tin đáp ứng yêu cầu công việc; ' +
            '(f) tư duy phản biện, sáng tạo, tính chủ động và kỹ năng giải quyết vấn đề; ' +
            '(g) tôn trọng và thực hiện bình đẳng giới; ' +
            '(h) hiểu rõ, trân trọng sự đa dạng văn hóa và có cách ứng xử văn hóa phù hợp',
          measure: 'points',
          maxPoints: 25,
          evidenceRequired: true,
          isVerified: false,
          source: group3Source,
        },
        {
          code: '3.2',
          text: 'Đơn vị đạt từ danh hiệu “Tập thể lao động tiên tiến” trở lên',
          measure: 'points',
          maxPoints: 10,
          evidenceRequired: true,
          isVerified: false,
          source: group3Source,
        },
        {
          code: '3.3',
          text: 'Góp phần tạo lập môi trường chia sẻ tri thức với các đơn vị khác',
          measure: 'points',
          maxPoints: 5,
          evidenceRequired: true,
          isVerified: false,
          source: group3Source,
        },
      ],
    },
  ],
}
