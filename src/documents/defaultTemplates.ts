/**
 * The default templates, one per document type, laid out as Vietnamese administrative papers
 * (NĐ 30/2020/NĐ-CP, Phụ lục I; domain/DOCUMENT-LAYOUT.md). `npm run templates` writes them to
 * seed/templates/<type>.docx, committed; the demo loads them as the default rows, and a province
 * downloads one, edits it in Word and uploads its own. Every name in braces is in the type's data
 * model (criteria/documents/types.ts) — the same check an upload passes.
 * Wording is neutral: what the regulation or the records do not give is left for the data.
 */
import { body, layoutTable, loopTable, packDocx, paragraph, textWidth } from './wordml'

const leftWidth = 3800
const rightWidth = textWidth - leftWidth

/** Issuing body with its parent above and a short rule beneath; Quốc hiệu, tiêu ngữ with its rule, place and date. */
const header = ({ symbolNote = '' }: { symbolNote?: string } = {}) =>
  layoutTable({
    columns: [
      {
        content: [
          // the parent body's line only when there is one (a People's Committee has none above it on its papers)
          paragraph('{#coQuanChuQuan}', { align: 'center', size: 13 }),
          paragraph('{coQuanChuQuan}', { align: 'center', size: 13 }),
          paragraph('{/coQuanChuQuan}', { align: 'center', size: 13 }),
          paragraph('{coQuanBanHanh}', { align: 'center', isBold: true, size: 13 }),
          paragraph('', { hasTopRule: true, indent: { left: 1200, right: 1200 }, size: 6 }),
          paragraph(`Số: {soKyHieu}${symbolNote}`, { align: 'center', size: 13 }),
        ],
        width: leftWidth,
      },
      {
        content: [
          paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', isBold: true, size: 12 }),
          paragraph('Độc lập - Tự do - Hạnh phúc', { align: 'center', isBold: true, size: 13 }),
          paragraph('', { hasTopRule: true, indent: { left: 1120, right: 1120 }, size: 6 }),
          paragraph('{diaDanhNgayThang}', { align: 'center', isItalic: true, size: 13 }),
        ],
        width: rightWidth,
      },
    ],
  })

const title = (kind: string, summary: string[]) => [
  paragraph(kind, { align: 'center', before: 18, isBold: true, keepNext: true, size: 14 }),
  ...summary.map((line) => paragraph(line, { align: 'center', isBold: true, keepNext: true, size: 14 })),
  paragraph('', { after: 6, before: 4, hasTopRule: true, indent: { left: 3700, right: 3700 }, size: 6 }),
]

/** Nơi nhận at the left; the authority line, the signer's title, room for signature and seal, the name at the right. */
const signature = ({ signerNote = '' }: { signerNote?: string } = {}) =>
  layoutTable({
    columns: [
      {
        content: [
          paragraph('Nơi nhận:', { before: 12, isBold: true, isItalic: true, size: 12 }),
          paragraph('{#noiNhan}', { size: 11 }),
          paragraph('- {ten}', { size: 11 }),
          paragraph('{/noiNhan}', { size: 11 }),
        ],
        width: 4300,
      },
      {
        content: [
          paragraph('{quyenHan}', { align: 'center', before: 12, isBold: true, size: 14 }),
          paragraph('{chucVuNguoiKy}', { align: 'center', isBold: true, size: 14 }),
          paragraph(signerNote, { align: 'center', isItalic: true, size: 13 }),
          paragraph('', { size: 14 }),
          paragraph('', { size: 14 }),
          paragraph('', { size: 14 }),
          paragraph('{nguoiKy}', { align: 'center', isBold: true, size: 14 }),
        ],
        width: textWidth - 4300,
      },
    ],
  })

/** A signature without the recipients (an annex, a table that travels with its cover paper). */
const unitSignature = () =>
  layoutTable({
    columns: [
      { content: [paragraph('')], width: 4300 },
      {
        content: [
          paragraph('THỦ TRƯỞNG ĐƠN VỊ', { align: 'center', before: 12, isBold: true, size: 14 }),
          paragraph('(Ký, ghi rõ họ tên và đóng dấu)', { align: 'center', isItalic: true, size: 13 }),
          paragraph('', { size: 14 }),
          paragraph('', { size: 14 }),
          paragraph('{nguoiKy}', { align: 'center', isBold: true, size: 14 }),
        ],
        width: textWidth - 4300,
      },
    ],
  })

const basisLines = () => [
  paragraph('{#canCu}', { size: 14 }),
  body('Căn cứ {vanBan};', { after: 3, isItalic: true }),
  paragraph('{/canCu}', { size: 14 }),
]

const indicatorTable = () =>
  loopTable({
    columns: [
      { align: 'center', field: 'stt', title: 'STT', width: 680 },
      { field: 'ma', title: 'Mã', width: 1100 },
      { field: 'noiDung', title: 'Nội dung chỉ tiêu', width: 3000 },
      { field: 'giaTri', title: 'Kết quả', width: 1400 },
      { field: 'trangThai', title: 'Đánh giá', width: 1100 },
      { field: 'minhChung', title: 'Minh chứng', width: textWidth - 680 - 1100 - 3000 - 1400 - 1100 },
    ],
    loop: 'chiTieu',
    size: 12,
  })

export const defaultTemplateLayouts: Record<string, { title: string; content: () => string[] }> = {
  'to-trinh': {
    content: () => [
      header(),
      ...title('TỜ TRÌNH', ['Về việc đề nghị công nhận Đơn vị học tập năm {namDanhGia}']),
      paragraph('Kính gửi: {capQuanLy} ({coQuanTiepNhan})', { after: 12, align: 'center', size: 14 }),
      body('Thực hiện {tenDotDanhGia}, {tenDonVi} đã tổ chức tự đánh giá theo {tenBoTieuChi}.'),
      body('Kết quả tự đánh giá: {ketQuaTuDanhGia}; số chỉ tiêu đạt {soChiTieuDat}/{soChiTieuApDung} chỉ tiêu áp dụng cho đơn vị{#tongDiemTuCham}; tổng điểm tự chấm {tongDiemTuCham}{/tongDiemTuCham}.'),
      body('{tenDonVi} kính trình {capQuanLy} xem xét, công nhận đơn vị đạt Đơn vị học tập năm {namDanhGia}, {mucDoDeNghi}.'),
      paragraph('{#coHoSoKemTheo}', { size: 14 }),
      body('Hồ sơ kèm theo gồm:', { after: 0 }),
      paragraph('{/coHoSoKemTheo}', { size: 14 }),
      paragraph('{#hoSoKemTheo}', { size: 14 }),
      body('{stt}. {ten};', { after: 0 }),
      paragraph('{/hoSoKemTheo}', { size: 14 }),
      body('Kính trình {capQuanLy} xem xét, quyết định./.', { before: 6 }),
      signature({ signerNote: '(Ký, ghi rõ họ tên và đóng dấu)' }),
    ],
    title: 'Tờ trình đề nghị công nhận',
  },
  'bao-cao-tu-danh-gia': {
    content: () => [
      header(),
      ...title('BÁO CÁO', ['Kết quả tự đánh giá Đơn vị học tập năm {namDanhGia}']),
      body('Thực hiện {tenDotDanhGia}, {tenDonVi} ({loaiDonVi}) báo cáo kết quả tự đánh giá theo {tenBoTieuChi} như sau:'),
      body([{ isBold: true, text: 'I. KẾT QUẢ CHUNG' }]),
      body('Kết quả tự đánh giá: {ketQuaTuDanhGia}. Số chỉ tiêu đạt: {soChiTieuDat}/{soChiTieuApDung}{#tongDiemTuCham}; tổng điểm tự chấm: {tongDiemTuCham}{/tongDiemTuCham}. Mức độ đề nghị: {mucDoDeNghi}.'),
      body([{ isBold: true, text: 'II. KẾT QUẢ THEO TIÊU CHÍ' }]),
      paragraph('{#tieuChi}', { size: 14 }),
      body('- {ma} {ten}: {ketQua}.', { after: 0 }),
      paragraph('{/tieuChi}', { size: 14 }),
      body([{ isBold: true, text: 'III. KẾT QUẢ THEO CHỈ TIÊU' }], { before: 6 }),
      indicatorTable(),
      body([{ isBold: true, text: 'IV. NHỮNG CHỈ TIÊU CHƯA ĐẠT HOẶC CÒN THIẾU' }], { before: 12 }),
      paragraph('{#tonTai}', { size: 14 }),
      body('- {ma} {noiDung}: {lyDo}.', { after: 0 }),
      paragraph('{/tonTai}', { size: 14 }),
      paragraph('{^tonTai}', { size: 14 }),
      body('Không có.', { after: 0 }),
      paragraph('{/tonTai}', { size: 14 }),
      signature({ signerNote: '(Ký, ghi rõ họ tên và đóng dấu)' }),
    ],
    title: 'Báo cáo tự đánh giá',
  },
  'ban-tong-hop': {
    content: () => [
      header(),
      ...title('BẢN TỔNG HỢP', ['Kết quả tự đánh giá Đơn vị học tập năm {namDanhGia}']),
      body('Đơn vị: {tenDonVi} ({loaiDonVi}). Bộ tiêu chí: {tenBoTieuChi}.', { firstLine: 0 }),
      body('Kết quả tự đánh giá: {ketQuaTuDanhGia}; số chỉ tiêu đạt {soChiTieuDat}/{soChiTieuApDung}.', { firstLine: 0 }),
      indicatorTable(),
      unitSignature(),
    ],
    title: 'Bản tổng hợp kết quả tự đánh giá',
  },
  'bieu-tu-cham-diem': {
    content: () => [
      header(),
      ...title('BIỂU TỰ CHẤM ĐIỂM', ['Đơn vị học tập năm {namDanhGia}']),
      body('Đơn vị: {tenDonVi} ({loaiDonVi}). Bộ tiêu chí: {tenBoTieuChi}.', { firstLine: 0 }),
      loopTable({
        columns: [
          { align: 'center', field: 'stt', title: 'STT', width: 680 },
          { field: 'ma', title: 'Mã', width: 900 },
          { field: 'noiDung', title: 'Nội dung', width: 4174 },
          { align: 'center', field: 'diemToiDa', title: 'Điểm tối đa', width: 1200 },
          { align: 'center', field: 'diemTuCham', title: 'Điểm tự chấm', width: 1200 },
          { align: 'center', field: 'diemDoan', title: 'Điểm đoàn chấm', width: 1200 },
        ],
        loop: 'chiTieu',
        size: 12,
      }),
      body('Tổng điểm tự chấm: {tongDiemTuCham}; xếp loại tự đánh giá: {ketQuaTuDanhGia}.', { before: 6, firstLine: 0 }),
      body('Tổng điểm đoàn chấm: {tongDiemDoan}; xếp loại của đoàn: {xepLoaiDoan}.', { firstLine: 0 }),
      unitSignature(),
    ],
    title: 'Biểu tự chấm điểm',
  },
  'quyet-dinh-thanh-lap-doan': {
    content: () => [
      header(),
      ...title('QUYẾT ĐỊNH', ['Về việc thành lập Đoàn đánh giá Đơn vị học tập năm {namDanhGia}']),
      paragraph('{thamQuyenBanHanh}', { after: 6, align: 'center', isBold: true, size: 14 }),
      ...basisLines(),
      body('Theo đề nghị của {coQuanTiepNhan}.', { isItalic: true }),
      paragraph('QUYẾT ĐỊNH:', { after: 6, align: 'center', before: 6, isBold: true, size: 14 }),
      body([{ isBold: true, text: 'Điều 1. ' }, { text: 'Thành lập Đoàn đánh giá Đơn vị học tập năm {namDanhGia} ({tenDotDanhGia}), gồm các thành viên:' }]),
      loopTable({
        columns: [
          { align: 'center', field: 'stt', title: 'STT', width: 700 },
          { field: 'hoTen', title: 'Họ và tên', width: 4854 },
          { field: 'vaiTro', title: 'Nhiệm vụ trong Đoàn', width: 3800 },
        ],
        loop: 'thanhVien',
      }),
      body([{ isBold: true, text: 'Điều 2. ' }, { text: 'Đoàn đánh giá thẩm định hồ sơ tự đánh giá của các đơn vị ({tongSoHoSo} hồ sơ), tổng hợp kết quả, đề xuất công nhận theo quy định; Đoàn tự giải thể sau khi hoàn thành nhiệm vụ.' }], { before: 6 }),
      body([{ isBold: true, text: 'Điều 3. ' }, { text: 'Quyết định này có hiệu lực kể từ ngày ký. {coQuanTiepNhan} và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.' }]),
      signature(),
    ],
    title: 'Quyết định thành lập đoàn đánh giá',
  },
  'bien-ban': {
    content: () => [
      header(),
      ...title('BIÊN BẢN', ['Thẩm định hồ sơ Đơn vị học tập năm {namDanhGia}']),
      body('{tenDotDanhGia}. Đoàn đánh giá gồm:'),
      paragraph('{#thanhVien}', { size: 14 }),
      body('{stt}. {hoTen} — {vaiTro};', { after: 0 }),
      paragraph('{/thanhVien}', { size: 14 }),
      body('Đoàn đã thẩm định {tongSoHoSo} hồ sơ; kết luận {soHoSoDat} hồ sơ đạt; {soKhacBiet} chỉ tiêu có ý kiến khác nhau giữa các thành viên hoặc với đơn vị.', { before: 6 }),
      body([{ isBold: true, text: '1. Kết quả thẩm định' }]),
      loopTable({
        columns: [
          { align: 'center', field: 'stt', title: 'STT', width: 700 },
          { field: 'donVi', title: 'Đơn vị', width: 3254 },
          { field: 'ketQuaDonVi', title: 'Đơn vị tự đánh giá', width: 1800 },
          { field: 'ketQuaDoan', title: 'Kết luận của Đoàn', width: 1900 },
          { align: 'center', field: 'soKhacBiet', title: 'Số chỉ tiêu khác ý kiến', width: 1700 },
        ],
        loop: 'ketQua',
        size: 12,
      }),
      body([{ isBold: true, text: '2. Các chỉ tiêu có ý kiến khác nhau' }], { before: 6 }),
      loopTable({
        columns: [
          { field: 'donVi', title: 'Đơn vị', width: 2800 },
          { field: 'chiTieu', title: 'Chỉ tiêu', width: 2800 },
          { field: 'yKien', title: 'Ý kiến', width: 3754 },
        ],
        loop: 'khacBiet',
        size: 12,
      }),
      paragraph('{^khacBiet}', { size: 12 }),
      body('Không có chỉ tiêu nào có ý kiến khác nhau.', { after: 0 }),
      paragraph('{/khacBiet}', { size: 12 }),
      body('Biên bản được lập {ngayThang}, các thành viên Đoàn đã thống nhất nội dung trên./.', { before: 6 }),
      layoutTable({
        columns: [
          { content: [paragraph('THƯ KÝ', { align: 'center', before: 12, isBold: true }), paragraph('(Ký, ghi rõ họ tên)', { align: 'center', isItalic: true, size: 13 })], width: textWidth / 2 },
          { content: [paragraph('TRƯỞNG ĐOÀN', { align: 'center', before: 12, isBold: true }), paragraph('(Ký, ghi rõ họ tên)', { align: 'center', isItalic: true, size: 13 })], width: textWidth / 2 },
        ],
      }),
    ],
    title: 'Biên bản thẩm định',
  },
  'bao-cao-tong-hop': {
    content: () => [
      header(),
      ...title('BÁO CÁO', ['Kết quả đánh giá, công nhận Đơn vị học tập năm {namDanhGia}']),
      body('Thực hiện {tenDotDanhGia}, {capQuanLy} báo cáo kết quả như sau:'),
      body([{ isBold: true, text: '1. Kết quả chung' }]),
      body('Tổng số hồ sơ: {tongSoHoSo}; đạt: {tongSoDat}; chưa đạt: {tongSoChuaDat}. So với năm {namTruoc} ({tongSoDatNamTruoc} đơn vị đạt): {soSanhNamTruoc}.'),
      body([{ isBold: true, text: '2. Theo loại đơn vị' }]),
      loopTable({
        columns: [
          { field: 'loaiDonVi', title: 'Loại đơn vị', width: 4354 },
          { align: 'center', field: 'soHoSo', title: 'Số hồ sơ', width: 1600 },
          { align: 'center', field: 'soDat', title: 'Đạt', width: 1700 },
          { align: 'center', field: 'soChuaDat', title: 'Chưa đạt', width: 1700 },
        ],
        loop: 'theoLoai',
        size: 13,
      }),
      body([{ isBold: true, text: '3. Theo mức độ hoặc xếp loại, so với năm trước' }], { before: 6 }),
      loopTable({
        columns: [
          { field: 'muc', title: 'Mức độ, xếp loại', width: 3354 },
          { align: 'center', field: 'soDonVi', title: 'Năm {namDanhGia}', width: 1800 },
          { align: 'center', field: 'namTruoc', title: 'Năm {namTruoc}', width: 1800 },
          { field: 'chenhLech', title: 'So sánh', width: 2400 },
        ],
        loop: 'theoMuc',
        size: 13,
      }),
      body([{ isBold: true, text: '4. Đơn vị chưa được công nhận và lý do' }], { before: 6 }),
      loopTable({
        columns: [
          { align: 'center', field: 'stt', title: 'STT', width: 700 },
          { field: 'donVi', title: 'Đơn vị', width: 2900 },
          { field: 'loaiDonVi', title: 'Loại đơn vị', width: 2000 },
          { field: 'lyDo', title: 'Lý do', width: 3754 },
        ],
        loop: 'chuaCongNhan',
        size: 12,
      }),
      paragraph('{^chuaCongNhan}', { size: 12 }),
      body('Không có.', { after: 0 }),
      paragraph('{/chuaCongNhan}', { size: 12 }),
      signature(),
    ],
    title: 'Báo cáo tổng hợp kết quả',
  },
  'quyet-dinh': {
    content: () => [
      header(),
      ...title('QUYẾT ĐỊNH', ['Về việc công nhận Đơn vị học tập năm {namDanhGia}']),
      paragraph('{thamQuyenBanHanh}', { after: 6, align: 'center', isBold: true, size: 14 }),
      ...basisLines(),
      body('Xét đề nghị của {coQuanTiepNhan}.', { isItalic: true }),
      paragraph('QUYẾT ĐỊNH:', { after: 6, align: 'center', before: 6, isBold: true, size: 14 }),
      body([{ isBold: true, text: 'Điều 1. ' }, { text: 'Công nhận {soDonVi} đơn vị đạt Đơn vị học tập năm {namDanhGia} ({tenDotDanhGia}), có danh sách kèm theo.' }]),
      body([{ isBold: true, text: 'Điều 2. ' }, { text: 'Quyết định này có hiệu lực kể từ ngày ký.' }]),
      body([{ isBold: true, text: 'Điều 3. ' }, { text: '{coQuanTiepNhan}, các đơn vị có tên tại Điều 1 và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.' }]),
      signature(),
      paragraph('DANH SÁCH', { align: 'center', isBold: true, pageBreakBefore: true, size: 14 }),
      paragraph('Đơn vị học tập được công nhận năm {namDanhGia}', { align: 'center', isBold: true, size: 14 }),
      paragraph('(Kèm theo Quyết định số {soKyHieu} {ngayThang} của {capQuanLy})', { after: 12, align: 'center', isItalic: true, size: 14 }),
      loopTable({
        columns: [
          { align: 'center', field: 'stt', title: 'STT', width: 700 },
          { field: 'donVi', title: 'Tên đơn vị', width: 4254 },
          { field: 'loaiDonVi', title: 'Loại đơn vị', width: 2400 },
          { field: 'mucDo', title: 'Mức độ, xếp loại', width: 2000 },
        ],
        loop: 'phuLuc',
        size: 13,
      }),
    ],
    title: 'Quyết định công nhận Đơn vị học tập',
  },
}

export const buildDefaultTemplate = (code: string): Buffer | null => {
  const layout = defaultTemplateLayouts[code]
  return layout ? packDocx({ content: layout.content(), title: layout.title }) : null
}
