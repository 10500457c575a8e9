/** «Xuất Excel» of the register of recognitions: one line per recognition the user may read. */
import { exportEndpoint, vietnameseDay, yesNo } from '../exportSheet'

export const recognitionsExportEndpoint = exportEndpoint({
  filename: 'so-cong-nhan.xlsx',
  sheets: async ({ docs }) => [
    {
      columns: [
        { header: 'Năm đánh giá', width: 12 },
        { header: 'Tên đơn vị', width: 40 },
        { header: 'Cơ quan công nhận', width: 30 },
        { header: 'Văn bản quy định', width: 20 },
        { header: 'Mức độ', width: 10 },
        { header: 'Xếp loại', width: 16 },
        { header: 'Kết quả', width: 30 },
        { header: 'Số quyết định', width: 18 },
        { header: 'Ngày quyết định', width: 14 },
        { header: 'Hiệu lực từ', width: 14 },
        { header: 'Hiệu lực đến hết ngày', width: 18 },
        { header: 'Tính vào bình xét thi đua', width: 14 },
        { header: 'Công khai', width: 10 },
      ],
      name: 'Sổ công nhận',
      rows: docs.map((doc) => [
        (doc.year as number | null) ?? null,
        (doc.unitName as string | null) ?? null,
        (doc.authorityName as string | null) ?? null,
        (doc.regime as string | null) ?? null,
        (doc.level as number | null) ?? null,
        (doc.grade as string | null) ?? null,
        (doc.outcomeLabel as string | null) ?? null,
        (doc.decisionNumber as string | null) ?? null,
        vietnameseDay(doc.decidedOn),
        vietnameseDay(doc.validFrom),
        vietnameseDay(doc.validUntil),
        yesNo(doc.countsForEmulation),
        yesNo(doc.isPublic),
      ]),
    },
  ],
  slug: 'recognitions',
  sort: '-decidedOn',
})
