/**
 * The demo round: Hà Quảng's yearly round, open, with the plan table of the district's real 2021
 * plan (seed 001, KH of UBND huyện Hà Quảng) moved to the demo's evaluation year, the TT 24
 * district sets, the demo reviewer as team lead, and Hà Quảng's report to the Sở before 20/02.
 * Dates are written for evaluation year 2021 as in the source and shifted by the loader.
 */
export const demoRoundSourceYear = 2021

export const demoRound = {
  authorityCode: 'CB-HQ',
  criteriaSetCodes: ['tt24-2023-huyen-1', 'tt24-2023-huyen-2'],
  reportDeadlines: [{ day: 20, kind: 'before', month: 2, recipient: 'Sở Giáo dục và Đào tạo', yearOffset: '1' }],
  plan: [
    {
      due: '2022-01-04',
      kind: 'on',
      lead: 'Phòng GD&ĐT',
      task: 'Chọn cử nhân sự, trình UBND cấp huyện Quyết định thành lập đoàn kiểm tra, đánh giá, chấm điểm, xếp loại Đơn vị học tập',
    },
    {
      coordinating: 'Các Ban xây dựng Đảng, Văn phòng Huyện ủy, Văn phòng HĐND và UBND huyện, các phòng, ban, ngành, đoàn thể huyện',
      due: '2022-01-05',
      kind: 'on',
      lead: 'Phòng GD&ĐT',
      task: 'Tổ chức họp, thống nhất kế hoạch kiểm tra, đánh giá, xếp loại Đơn vị học tập, quán triệt các tiêu chí, minh chứng, quy trình kiểm tra và phân công nhiệm vụ cụ thể đối với từng thành viên/đơn vị của đoàn kiểm tra.',
    },
    {
      coordinating: 'Các Ban xây dựng Đảng, Văn phòng Huyện ủy, Văn phòng HĐND và UBND huyện, các phòng, ban, ngành, đoàn thể huyện',
      due: '2022-01-13',
      kind: 'on',
      lead: 'Phòng GD&ĐT',
      start: '2022-01-10',
      task: 'Tổ chức thực hiện kế hoạch kiểm tra, đánh giá xếp loại Đơn vị học tập.',
    },
    { due: '2022-01-14', kind: 'on', lead: 'Phòng GD&ĐT', task: 'Tổng hợp kết quả kiểm tra, đánh giá, xếp loại Đơn vị học tập từ các đoàn kiểm tra.' },
    { due: '2022-01-17', kind: 'on', lead: 'Phòng GD&ĐT', task: 'Hoàn thiện Hồ sơ trình UBND huyện công nhận kết quả đánh giá, xếp loại Đơn vị học tập trên địa bàn huyện.' },
    {
      due: '2022-02-20',
      kind: 'before',
      lead: 'Phòng GD&ĐT',
      task: 'Tổng hợp báo cáo kết quả kiểm tra đánh giá, xếp loại Đơn vị học tập trên địa bàn huyện. Hoàn thiện hồ sơ gửi về Sở Giáo dục và Đào tạo',
    },
  ],
  teamLeadEmail: 'reviewer@demo.vn',
  tier: 'huyen',
  title: 'Đánh giá, công nhận Đơn vị học tập năm {year} — huyện Hà Quảng',
} as const
