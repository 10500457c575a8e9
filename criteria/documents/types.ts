/**
 * The generated papers and the data each one's template may use: the single place that documents
 * every placeholder and loop. The admin shows it beside a template's upload, `GET
 * /api/document-types` serves it, an uploaded template is checked against it, and the shell's
 * data builders fill exactly these names (a unit test holds them to it).
 *
 * Placeholder names are Vietnamese without diacritics, as a clerk editing the template in Word reads
 * them: `{coQuanBanHanh}`, a loop `{#chiTieu}…{/chiTieu}`.
 */
export type Placeholder = { name: string; label: string }
export type LoopModel = { name: string; label: string; fields: Placeholder[] }
export type DocumentScope = 'self-assessment' | 'round' | 'decision'
export type DocumentFormat = 'docx' | 'xlsx' | 'pdf'

export type DocumentType = {
  code: string
  title: string
  scope: DocumentScope
  /** The regimes whose rounds use it; null = every regime. */
  regimes: string[] | null
  formats: DocumentFormat[]
  fields: Placeholder[]
  loops: LoopModel[]
  /** Read from every dossier of the round: the admin makes it in the background, with its progress (collections/file-tasks). */
  inBackground?: boolean
}

const p = (name: string, label: string): Placeholder => ({ label, name })

/** What every paper has (DOCUMENT-LAYOUT.md, "What the product needs from this"). */
export const headerFields: Placeholder[] = [
  p('coQuanChuQuan', 'Cơ quan chủ quản (cấp trên của cơ quan ban hành), chữ in hoa'),
  p('coQuanBanHanh', 'Cơ quan, đơn vị ban hành, chữ in hoa'),
  p('soKyHieu', 'Số, ký hiệu văn bản (để trống nếu chưa có số)'),
  p('diaDanh', 'Địa danh'),
  p('ngayThang', 'Ngày tháng năm, ví dụ "ngày 05 tháng 02 năm 2027"'),
  p('diaDanhNgayThang', 'Địa danh và ngày tháng năm, ví dụ "Hà Quảng, ngày 05 tháng 02 năm 2027"'),
  p('quyenHan', 'Quyền hạn ký, ví dụ "KT. CHỦ TỊCH" hoặc "TM. ỦY BAN NHÂN DÂN" (trống nếu không có)'),
  p('chucVuNguoiKy', 'Chức vụ người ký, chữ in hoa, ví dụ "PHÓ CHỦ TỊCH"'),
  p('nguoiKy', 'Họ tên người ký (trống nếu hồ sơ chưa ghi)'),
  p('namDanhGia', 'Năm đánh giá'),
]

const recipients: LoopModel = { fields: [p('ten', 'Nơi nhận, ví dụ "UBND tỉnh"')], label: 'Nơi nhận (mỗi dòng một nơi; dòng cuối "Lưu: VT")', name: 'noiNhan' }

const unitFields: Placeholder[] = [
  p('tenDonVi', 'Tên đơn vị tự đánh giá'),
  p('loaiDonVi', 'Loại đơn vị'),
  p('capQuanLy', 'Cấp quản lý đánh giá, công nhận'),
  p('coQuanTiepNhan', 'Cơ quan tiếp nhận hồ sơ (của cấp quản lý)'),
  p('tenDotDanhGia', 'Tên đợt đánh giá'),
  p('tenBoTieuChi', 'Bộ tiêu chí áp dụng'),
  p('mucDoDeNghi', 'Mức độ hoặc loại đề nghị công nhận, ví dụ "Mức độ 1"'),
  p('ketQuaTuDanhGia', 'Kết quả tự đánh giá, ví dụ "Đạt" hoặc "Tốt"'),
  p('soChiTieuDat', 'Số chỉ tiêu đạt'),
  p('soChiTieuApDung', 'Số chỉ tiêu áp dụng cho đơn vị'),
  p('tongDiemTuCham', 'Tổng điểm tự chấm (bộ tiêu chí tính điểm)'),
  p('coHoSoKemTheo', 'Đúng khi có hồ sơ kèm theo: {#coHoSoKemTheo}…{/coHoSoKemTheo} chỉ in khi có'),
]

const indicatorRows: LoopModel = {
  fields: [
    p('stt', 'Số thứ tự'),
    p('ma', 'Mã chỉ tiêu'),
    p('tieuChi', 'Tiêu chí chứa chỉ tiêu'),
    p('noiDung', 'Nội dung chỉ tiêu'),
    p('giaTri', 'Giá trị tự đánh giá, bằng chữ, ví dụ "87/100 (87%)"'),
    p('trangThai', 'Đạt, Không đạt, Không áp dụng…'),
    p('minhChung', 'Danh sách minh chứng (số, ngày, tên)'),
    p('giaiTrinh', 'Giải trình của đơn vị'),
  ],
  label: 'Các chỉ tiêu (một dòng mỗi chỉ tiêu)',
  name: 'chiTieu',
}

const dossierPapers: LoopModel = { fields: [p('stt', 'Số thứ tự'), p('ten', 'Tên tài liệu')], label: 'Hồ sơ kèm theo', name: 'hoSoKemTheo' }

const roundFields: Placeholder[] = [
  p('tenDotDanhGia', 'Tên đợt đánh giá'),
  p('capQuanLy', 'Cấp quản lý tổ chức đợt đánh giá'),
  p('coQuanTiepNhan', 'Cơ quan tiếp nhận hồ sơ, tham mưu'),
  p('tongSoHoSo', 'Số hồ sơ của đợt'),
]

const basis: LoopModel = { fields: [p('vanBan', 'Văn bản căn cứ, ví dụ "Kế hoạch số 206/KH-UBND ngày 28/09/2020"')], label: 'Căn cứ', name: 'canCu' }

const issuingPower = p('thamQuyenBanHanh', 'Thẩm quyền ban hành, chữ in hoa, ví dụ "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG"')

const teamMembers: LoopModel = {
  fields: [p('stt', 'Số thứ tự'), p('hoTen', 'Họ tên'), p('vaiTro', 'Vai trò trong đoàn, ví dụ "Trưởng đoàn"')],
  label: 'Thành viên đoàn đánh giá',
  name: 'thanhVien',
}

export const documentTypes: DocumentType[] = [
  {
    code: 'to-trinh',
    fields: [...headerFields, ...unitFields],
    formats: ['docx', 'pdf'],
    loops: [dossierPapers, recipients],
    regimes: null,
    scope: 'self-assessment',
    title: 'Tờ trình đề nghị công nhận',
  },
  {
    code: 'bao-cao-tu-danh-gia',
    fields: [...headerFields, ...unitFields],
    formats: ['docx', 'pdf'],
    loops: [
      { fields: [p('ma', 'Mã tiêu chí'), p('ten', 'Tên tiêu chí'), p('ketQua', 'Kết quả của tiêu chí')], label: 'Các tiêu chí', name: 'tieuChi' },
      indicatorRows,
      { fields: [p('ma', 'Mã chỉ tiêu'), p('noiDung', 'Nội dung'), p('lyDo', 'Lý do chưa đạt')], label: 'Chỉ tiêu chưa đạt hoặc còn thiếu', name: 'tonTai' },
      recipients,
    ],
    regimes: null,
    scope: 'self-assessment',
    title: 'Báo cáo tự đánh giá',
  },
  {
    code: 'ban-tong-hop',
    fields: [...headerFields, ...unitFields],
    formats: ['docx', 'pdf'],
    loops: [indicatorRows],
    regimes: null,
    scope: 'self-assessment',
    title: 'Bản tổng hợp kết quả tự đánh giá',
  },
  {
    code: 'bieu-tu-cham-diem',
    fields: [...headerFields, ...unitFields, p('tongDiemDoan', 'Tổng điểm đoàn chấm'), p('xepLoaiDoan', 'Xếp loại của đoàn')],
    formats: ['docx', 'pdf'],
    loops: [
      {
        fields: [p('stt', 'Số thứ tự'), p('ma', 'Mã'), p('noiDung', 'Nội dung'), p('diemToiDa', 'Điểm tối đa'), p('diemTuCham', 'Điểm tự chấm'), p('diemDoan', 'Điểm đoàn chấm')],
        label: 'Các chỉ tiêu tính điểm',
        name: 'chiTieu',
      },
    ],
    regimes: ['tt22-2020'],
    scope: 'self-assessment',
    title: 'Biểu tự chấm điểm (TT 22/2020)',
  },
  {
    code: 'quyet-dinh-thanh-lap-doan',
    fields: [...headerFields, ...roundFields, issuingPower],
    formats: ['docx', 'pdf'],
    loops: [basis, teamMembers, recipients],
    regimes: null,
    scope: 'round',
    title: 'Quyết định thành lập đoàn đánh giá',
  },
  {
    code: 'bien-ban',
    fields: [...headerFields, ...roundFields, p('soHoSoDat', 'Số hồ sơ đoàn kết luận đạt'), p('soKhacBiet', 'Số chỉ tiêu có ý kiến khác nhau')],
    formats: ['docx', 'pdf'],
    loops: [
      teamMembers,
      {
        fields: [p('stt', 'Số thứ tự'), p('donVi', 'Đơn vị'), p('ketQuaDonVi', 'Kết quả tự đánh giá'), p('ketQuaDoan', 'Kết luận của đoàn'), p('soKhacBiet', 'Số chỉ tiêu có ý kiến khác nhau')],
        label: 'Kết quả thẩm định từng hồ sơ',
        name: 'ketQua',
      },
      { fields: [p('donVi', 'Đơn vị'), p('chiTieu', 'Chỉ tiêu'), p('yKien', 'Ý kiến các thành viên và của đơn vị')], label: 'Các chỉ tiêu có ý kiến khác nhau', name: 'khacBiet' },
    ],
    regimes: null,
    scope: 'round',
    title: 'Biên bản thẩm định của đoàn đánh giá',
  },
  {
    code: 'bao-cao-tong-hop',
    inBackground: true,
    fields: [
      ...headerFields,
      ...roundFields,
      p('tongSoDat', 'Số đơn vị được đề nghị công nhận hoặc xếp loại đạt'),
      p('tongSoChuaDat', 'Số đơn vị chưa đạt'),
      p('namTruoc', 'Năm trước'),
      p('tongSoDatNamTruoc', 'Số đơn vị đạt năm trước'),
      p('soSanhNamTruoc', 'So sánh với năm trước, ví dụ "tăng 3 đơn vị"'),
    ],
    formats: ['docx', 'xlsx', 'pdf'],
    loops: [
      { fields: [p('loaiDonVi', 'Loại đơn vị'), p('soHoSo', 'Số hồ sơ'), p('soDat', 'Số đạt'), p('soChuaDat', 'Số chưa đạt')], label: 'Theo loại đơn vị', name: 'theoLoai' },
      { fields: [p('muc', 'Mức độ hoặc loại'), p('soDonVi', 'Số đơn vị năm nay'), p('namTruoc', 'Số đơn vị năm trước'), p('chenhLech', 'Chênh lệch')], label: 'Theo mức độ hoặc xếp loại', name: 'theoMuc' },
      { fields: [p('stt', 'Số thứ tự'), p('donVi', 'Đơn vị'), p('loaiDonVi', 'Loại đơn vị'), p('lyDo', 'Lý do chưa được công nhận')], label: 'Đơn vị chưa được công nhận', name: 'chuaCongNhan' },
      recipients,
    ],
    regimes: null,
    scope: 'round',
    title: 'Báo cáo tổng hợp kết quả (báo cáo cấp trên)',
  },
  {
    code: 'quyet-dinh',
    fields: [
      ...headerFields,
      issuingPower,
      p('capQuanLy', 'Cấp quản lý ra quyết định'),
      p('tenDotDanhGia', 'Tên đợt đánh giá'),
      p('soDonVi', 'Số đơn vị được công nhận, bằng số và chữ, ví dụ "05 (năm)"'),
      p('coQuanTiepNhan', 'Cơ quan tham mưu'),
    ],
    formats: ['docx', 'pdf'],
    loops: [
      basis,
      { fields: [p('stt', 'Số thứ tự'), p('donVi', 'Đơn vị'), p('loaiDonVi', 'Loại đơn vị'), p('mucDo', 'Mức độ hoặc xếp loại')], label: 'Phụ lục: đơn vị được công nhận, theo mức độ hoặc xếp loại', name: 'phuLuc' },
      recipients,
    ],
    regimes: null,
    scope: 'decision',
    title: 'Quyết định công nhận Đơn vị học tập',
  },
]

export const documentTypeCodes = documentTypes.map((type) => type.code)

export const documentTypeByCode = (code: string): DocumentType | null => documentTypes.find((type) => type.code === code) ?? null

/** The types of one scope that a regime uses (a TT 22 round's Biểu tự chấm điểm; every other type for all). */
export const documentTypesFor = ({ scope, regime }: { scope: DocumentScope; regime: string | null }): DocumentType[] =>
  documentTypes.filter((type) => type.scope === scope && (type.regimes === null || (regime !== null && type.regimes.includes(regime))))
