/**
 * Unit types (loại đơn vị) and tiers are data a province extends (the `unit-types` and `tiers`
 * catalogues): the core knows only the shape of a code. The lists below are TT 24/2023 Art. 2 as
 * restated in REGULATIONS §2.1 — the catalogues' first rows (seeded by the migration that created
 * them) and the vocabulary of the seed criteria sets.
 */
const codePattern = /^[a-z0-9][a-z0-9_-]{0,39}$/

/** A catalogue code: lower-case letters, digits, "_" and "-", at most 40 characters. */
export const isCatalogueCode = (value: unknown): value is string => typeof value === 'string' && codePattern.test(value)

export const unitTypes = [
  { code: 'xa', vi: 'UBND cấp xã', en: 'Commune People’s Committee' },
  { code: 'co_quan_dang', vi: 'Cơ quan tham mưu, giúp việc cấp ủy', en: 'Party advisory body' },
  { code: 'co_quan_nha_nuoc', vi: 'Cơ quan, đơn vị thuộc UBND', en: 'State agency under the People’s Committee' },
  { code: 'doan_the', vi: 'MTTQ, đoàn thể chính trị - xã hội', en: 'Fatherland Front or mass organisation' },
  { code: 'luc_luong_vu_trang', vi: 'Quân sự, công an', en: 'Military or police' },
  { code: 'doanh_nghiep', vi: 'Doanh nghiệp, hợp tác xã', en: 'Enterprise or cooperative' },
  { code: 'mam_non_cong_lap', vi: 'Nhà trẻ, mẫu giáo, mầm non công lập', en: 'Public preschool' },
  { code: 'tieu_hoc', vi: 'Trường tiểu học', en: 'Primary school' },
  { code: 'thcs', vi: 'Trường THCS', en: 'Lower secondary school' },
  { code: 'thpt', vi: 'Trường THPT', en: 'Upper secondary school' },
  { code: 'gdtx', vi: 'Trung tâm GDNN-GDTX, GDTX', en: 'Continuing education centre' },
  { code: 'gdnn', vi: 'Cơ sở giáo dục nghề nghiệp', en: 'Vocational institution' },
  { code: 'dai_hoc', vi: 'Cơ sở giáo dục đại học', en: 'Higher-education institution' },
  { code: 'cao_dang', vi: 'Trường cao đẳng', en: 'College' },
  { code: 'hoi', vi: 'Hội Khuyến học, tổ chức xã hội - nghề nghiệp', en: 'Association' },
  { code: 'khac', vi: 'Đơn vị khác', en: 'Other' },
] as const

/** A unit type's code: one of REGULATIONS §2.1's or a province's own. */
export type UnitType = string

export const unitTypeCodes = unitTypes.map((t) => t.code)

/** Whether `value` is shaped like a unit-type code; whether the catalogue holds it is the app's check. */
export const isUnitType = (value: unknown): value is UnitType => isCatalogueCode(value)

/** The two tiers of TT 24/2023: district-level and provincial-level units. */
export const tiers = [
  { code: 'huyen', vi: 'Cấp huyện', en: 'District level' },
  { code: 'tinh', vi: 'Cấp tỉnh', en: 'Provincial level' },
] as const

export type Tier = string

export const tierCodes = tiers.map((t) => t.code)
