/**
 * Demo data: a province with two subordinate authorities, thirty units of mixed types and one
 * account per role. Loaded on an empty embedded database so a newcomer sees a working product.
 * Names follow real Cao Bằng bodies; counts are illustrative.
 */
import type { Tier, UnitType } from '@criteria/unitTypes'

export type DemoAuthority = {
  code: string
  deciderTitle: string
  name: string
  parentCode: string | null
  receivingOffice: string
  tierLabel: string
}

export type DemoUnit = {
  authorityCode: string
  code: string
  email?: string
  learnerCount?: number
  memberCount: number
  name: string
  tier: Tier
  unitType: UnitType
}

export type DemoUser = {
  authorityCode?: string
  email: string
  name: string
  role: 'admin' | 'authority-admin' | 'reviewer' | 'unit-editor'
  unitCode?: string
}

export const demoPassword = 'demo-2026'

export const demoAuthorities: DemoAuthority[] = [
  {
    code: 'CB',
    deciderTitle: 'Chủ tịch UBND tỉnh',
    name: 'Tỉnh Cao Bằng (demo)',
    parentCode: null,
    receivingOffice: 'Sở Giáo dục và Đào tạo',
    tierLabel: 'Tỉnh',
  },
  {
    code: 'CB-HQ',
    deciderTitle: 'KT. Chủ tịch — Phó Chủ tịch UBND huyện',
    name: 'Huyện Hà Quảng',
    parentCode: 'CB',
    receivingOffice: 'Phòng Giáo dục và Đào tạo huyện Hà Quảng',
    tierLabel: 'Huyện',
  },
  {
    code: 'CB-TP',
    deciderTitle: 'Chủ tịch UBND thành phố',
    name: 'Thành phố Cao Bằng',
    parentCode: 'CB',
    receivingOffice: 'Phòng Giáo dục và Đào tạo thành phố Cao Bằng',
    tierLabel: 'Huyện',
  },
]

export const demoUnits: DemoUnit[] = [
  // provincial-level units, decided by the Chairman of the provincial People's Committee
  { authorityCode: 'CB', code: 'CB-SGDDT', memberCount: 58, name: 'Sở Giáo dục và Đào tạo', tier: 'tinh', unitType: 'co_quan_nha_nuoc' },
  { authorityCode: 'CB', code: 'CB-SNV', memberCount: 46, name: 'Sở Nội vụ', tier: 'tinh', unitType: 'co_quan_nha_nuoc' },
  { authorityCode: 'CB', code: 'CB-SVHTTDL', memberCount: 52, name: 'Sở Văn hóa, Thể thao và Du lịch', tier: 'tinh', unitType: 'co_quan_nha_nuoc' },
  { authorityCode: 'CB', code: 'CB-SYT', memberCount: 61, name: 'Sở Y tế', tier: 'tinh', unitType: 'co_quan_nha_nuoc' },
  { authorityCode: 'CB', code: 'CB-BTG', memberCount: 24, name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', tier: 'tinh', unitType: 'co_quan_dang' },
  { authorityCode: 'CB', code: 'CB-MTTQ', memberCount: 37, name: 'Ủy ban MTTQ Việt Nam tỉnh', tier: 'tinh', unitType: 'doan_the' },
  { authorityCode: 'CB', code: 'CB-TD', memberCount: 29, name: 'Tỉnh đoàn Cao Bằng', tier: 'tinh', unitType: 'doan_the' },
  { authorityCode: 'CB', code: 'CB-HKH', memberCount: 12, name: 'Hội Khuyến học tỉnh', tier: 'tinh', unitType: 'hoi' },
  { authorityCode: 'CB', code: 'CB-THPTC', learnerCount: 612, memberCount: 74, name: 'Trường THPT Chuyên Cao Bằng', tier: 'tinh', unitType: 'thpt' },
  { authorityCode: 'CB', code: 'CB-THPTTP', learnerCount: 1105, memberCount: 81, name: 'Trường THPT Thành phố Cao Bằng', tier: 'tinh', unitType: 'thpt' },
  { authorityCode: 'CB', code: 'CB-GDTX', learnerCount: 430, memberCount: 33, name: 'Trung tâm Giáo dục thường xuyên tỉnh', tier: 'tinh', unitType: 'gdtx' },
  { authorityCode: 'CB', code: 'CB-CDSP', learnerCount: 1480, memberCount: 96, name: 'Trường Cao đẳng Sư phạm Cao Bằng', tier: 'tinh', unitType: 'cao_dang' },
  // district Hà Quảng
  { authorityCode: 'CB-HQ', code: 'HQ-XH', email: 'xuanhoa@demo.vn', memberCount: 23, name: 'UBND thị trấn Xuân Hòa', tier: 'huyen', unitType: 'xa' },
  { authorityCode: 'CB-HQ', code: 'HQ-TH', email: 'truongha@demo.vn', memberCount: 21, name: 'UBND xã Trường Hà', tier: 'huyen', unitType: 'xa' },
  { authorityCode: 'CB-HQ', code: 'HQ-SH', memberCount: 20, name: 'UBND xã Sóc Hà', tier: 'huyen', unitType: 'xa' },
  { authorityCode: 'CB-HQ', code: 'HQ-QQ', memberCount: 19, name: 'UBND xã Quý Quân', tier: 'huyen', unitType: 'xa' },
  { authorityCode: 'CB-HQ', code: 'HQ-PGD', memberCount: 14, name: 'Phòng Giáo dục và Đào tạo huyện Hà Quảng', tier: 'huyen', unitType: 'co_quan_nha_nuoc' },
  { authorityCode: 'CB-HQ', code: 'HQ-PNV', memberCount: 9, name: 'Phòng Nội vụ huyện Hà Quảng', tier: 'huyen', unitType: 'co_quan_nha_nuoc' },
  { authorityCode: 'CB-HQ', code: 'HQ-CA', memberCount: 88, name: 'Công an huyện Hà Quảng', tier: 'huyen', unitType: 'luc_luong_vu_trang' },
  { authorityCode: 'CB-HQ', code: 'HQ-HKH', memberCount: 7, name: 'Hội Khuyến học huyện Hà Quảng', tier: 'huyen', unitType: 'hoi' },
  { authorityCode: 'CB-HQ', code: 'HQ-MNXH', learnerCount: 236, memberCount: 27, name: 'Trường Mầm non Xuân Hòa', tier: 'huyen', unitType: 'mam_non_cong_lap' },
  { authorityCode: 'CB-HQ', code: 'HQ-THXH', learnerCount: 418, memberCount: 31, name: 'Trường Tiểu học Xuân Hòa', tier: 'huyen', unitType: 'tieu_hoc' },
  { authorityCode: 'CB-HQ', code: 'HQ-THCSXH', learnerCount: 377, memberCount: 29, name: 'Trường THCS Xuân Hòa', tier: 'huyen', unitType: 'thcs' },
  { authorityCode: 'CB-HQ', code: 'HQ-HTX', memberCount: 16, name: 'Hợp tác xã Nông nghiệp Trường Hà', tier: 'huyen', unitType: 'doanh_nghiep' },
  // city Cao Bằng
  { authorityCode: 'CB-TP', code: 'TP-HG', memberCount: 22, name: 'UBND phường Hợp Giang', tier: 'huyen', unitType: 'xa' },
  { authorityCode: 'CB-TP', code: 'TP-SH', memberCount: 24, name: 'UBND phường Sông Hiến', tier: 'huyen', unitType: 'xa' },
  { authorityCode: 'CB-TP', code: 'TP-MNHM', learnerCount: 305, memberCount: 34, name: 'Trường Mầm non Hoa Mai', tier: 'huyen', unitType: 'mam_non_cong_lap' },
  { authorityCode: 'CB-TP', code: 'TP-THHG', learnerCount: 690, memberCount: 41, name: 'Trường Tiểu học Hợp Giang', tier: 'huyen', unitType: 'tieu_hoc' },
  { authorityCode: 'CB-TP', code: 'TP-THCSHG', learnerCount: 712, memberCount: 45, name: 'Trường THCS Hợp Giang', tier: 'huyen', unitType: 'thcs' },
  { authorityCode: 'CB-TP', code: 'TP-CTCN', memberCount: 140, name: 'Công ty Cổ phần Cấp thoát nước Cao Bằng', tier: 'huyen', unitType: 'doanh_nghiep' },
]

export const demoUsers: DemoUser[] = [
  { email: 'admin@demo.vn', name: 'Quản trị hệ thống', role: 'admin' },
  { authorityCode: 'CB', email: 'tinh@demo.vn', name: 'Nông Thị Hạnh (Sở GDĐT)', role: 'authority-admin' },
  { authorityCode: 'CB-HQ', email: 'huyen@demo.vn', name: 'Hoàng Văn Dũng (Phòng GDĐT Hà Quảng)', role: 'authority-admin' },
  { authorityCode: 'CB-HQ', email: 'reviewer@demo.vn', name: 'Lương Thị Mai (Đoàn đánh giá)', role: 'reviewer' },
  { email: 'donvi@demo.vn', name: 'Bế Văn Thành (UBND xã Trường Hà)', role: 'unit-editor', unitCode: 'HQ-TH' },
]

/**
 * The demo province's own guide fixing the values the circular leaves open (REGULATIONS marks them
 * UNKNOWN; the national sets keep them empty). ILLUSTRATIVE DEMO DATA, NOT THE LAW: the number and
 * the title say so, and every result built on it cites it ("… theo HD 01/HD-UBND (minh họa) ngày …").
 */
export const demoGuide = {
  authorityCode: 'CB',
  issuedOn: '2025-01-03',
  issuer: 'UBND tỉnh Cao Bằng (demo)',
  kind: 'xac-nhan-nguong',
  number: 'HD 01/HD-UBND (minh họa)',
  title:
    'Hướng dẫn đánh giá, công nhận “Đơn vị học tập” trên địa bàn tỉnh — DỮ LIỆU MINH HỌA cho bản demo: các ngưỡng ở đây chỉ để chạy thử, không phải quy định của Thông tư 24/2023 hay của tỉnh nào',
} as const

/**
 * The demo province's own copies of the TT 24 district sets, on which the demo round runs: every
 * unsettled indicator is confirmed by `demoGuide`, with these values where the national set leaves
 * the threshold empty (the figures the seed held before, inferred from the provincial pattern;
 * illustrative, not verified).
 */
export const demoSetCopies: readonly { from: string; code: string; values: Readonly<Record<string, string>> }[] = [
  {
    code: 'cb-demo-tt24-2023-huyen-1',
    from: 'tt24-2023-huyen-1',
    values: { 'TC3.CT1': '90%', 'TC3.CT3': 'tap-the-lao-dong-tien-tien', 'TC3.CT4': 'dap-ung-co-ban' },
  },
  {
    code: 'cb-demo-tt24-2023-huyen-2',
    from: 'tt24-2023-huyen-2',
    values: { 'TC2.CT1': '95%', 'TC2.CT2': '95%', 'TC3.CT1': '95%', 'TC3.CT3': 'tap-the-lao-dong-xuat-sac', 'TC3.CT4': 'dap-ung' },
  },
]
