/**
 * The words of a Vietnamese administrative paper (Nghị định 30/2020/NĐ-CP, Phụ lục I; facts in
 * domain/DOCUMENT-LAYOUT.md): the place-and-date line, numbers read out in words, the signature
 * block's authority line, and an answer's value as the papers print it. Pure: dates come in as
 * `YYYY-MM-DD`, nothing reads a clock.
 */
import { parseIsoDate } from '../calendar'

const twoDigits = (value: number) => String(value).padStart(2, '0')

/**
 * "ngày 05 tháng 02 năm 2027": days below 10 and months 1 and 2 take a leading zero, other months
 * none ("ngày 15 tháng 3 năm 2027"). Null for a date that is not a real `YYYY-MM-DD`.
 */
export const dateInWords = (isoDate: string): string | null => {
  const date = parseIsoDate(isoDate.slice(0, 10))
  if (!date) return null
  const month = date.month <= 2 ? twoDigits(date.month) : String(date.month)
  return `ngày ${twoDigits(date.day)} tháng ${month} năm ${date.year}`
}

/** "Hà Quảng, ngày 05 tháng 02 năm 2027"; without a place, the date alone. */
export const placeAndDate = ({ place, isoDate }: { place: string | null; isoDate: string }): string => {
  const words = dateInWords(isoDate) ?? ''
  return place ? `${place}, ${words}` : words
}

const tierPrefixes = ['Ủy ban nhân dân', 'Uỷ ban nhân dân', 'UBND', 'Tỉnh', 'Thành phố', 'TP.', 'Huyện', 'Quận', 'Thị xã', 'Xã', 'Phường', 'Thị trấn']

/**
 * The place name of the date line, from an authority's name: "Huyện Hà Quảng" → "Hà Quảng",
 * "Tỉnh Cao Bằng (demo)" → "Cao Bằng". A name without a known tier word is kept as it is.
 */
export const placeName = (authorityName: string): string => {
  let name = authorityName.replace(/\s*\([^)]*\)\s*$/, '').trim()
  for (let again = true; again; ) {
    again = false
    for (const prefix of tierPrefixes) {
      if (name.toLocaleLowerCase('vi').startsWith(`${prefix.toLocaleLowerCase('vi')} `)) {
        name = name.slice(prefix.length).trim()
        again = true
      }
    }
  }
  return name
}

const digitWords = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']

/** Three digits read out; `isLeading` drops the "không trăm" of a leading group. */
const readHundreds = ({ value, isLeading }: { value: number; isLeading: boolean }): string[] => {
  const hundreds = Math.floor(value / 100)
  const tens = Math.floor((value % 100) / 10)
  const ones = value % 10
  const words: string[] = []
  if (!isLeading || hundreds > 0) words.push(digitWords[hundreds], 'trăm')
  if (tens === 0) {
    if (ones > 0 && words.length > 0) words.push('linh')
  } else if (tens === 1) {
    words.push('mười')
  } else {
    words.push(digitWords[tens], 'mươi')
  }
  if (ones === 0) return words
  if (ones === 1 && tens >= 2) words.push('mốt')
  else if (ones === 5 && tens >= 1) words.push('lăm')
  else if (ones === 4 && tens >= 2) words.push('tư')
  else words.push(digitWords[ones])
  return words
}

const groupNames = ['', 'nghìn', 'triệu', 'tỷ']

/**
 * A whole number read out in Vietnamese, as a decision writes a count beside its digits:
 * 5 → "năm", 21 → "hai mươi mốt", 105 → "một trăm linh năm", 1005 → "một nghìn không trăm linh năm".
 * Null for a negative, fractional or too large number (a paper never needs one).
 */
export const numberInWords = (value: number): string | null => {
  if (!Number.isInteger(value) || value < 0 || value >= 1e12) return null
  if (value === 0) return 'không'
  const groups: number[] = []
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000)
  const words: string[] = []
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index]
    if (group === 0) continue
    words.push(...readHundreds({ isLeading: index === groups.length - 1, value: group }))
    if (groupNames[index]) words.push(groupNames[index])
  }
  return words.join(' ')
}

/** "05 (năm)": a count in two digits with its words, as a decision or report states it. */
export const countWithWords = (value: number): string => `${twoDigits(value)} (${numberInWords(value) ?? value})`

/** A number with the Vietnamese decimal comma: 8.5 → "8,5", 87.25 → "87,25". */
export const decimalText = (value: number): string => String(Math.round(value * 100) / 100).replace('.', ',')

export type SignatureBlock = { authorityLine: string; signerTitle: string }

const deputyPattern = /^phó\s+/iu
const delegationPattern = /^(KT|TM|Q|TL|TUQ)\.\s/iu

/** "Phó Chủ tịch UBND huyện" → "PHÓ CHỦ TỊCH": the block names the office, the body is in the authority line. */
const officeTitle = (title: string) => {
  const match = /^(phó\s+)?chủ tịch\b/iu.exec(title)
  return (match ? match[0] : title).toLocaleUpperCase('vi')
}

/**
 * The signature block's quyền hạn from the signer's title as the records hold it ("Chủ tịch UBND
 * huyện", "Phó Chủ tịch UBND huyện", or written out "KT. Chủ tịch — Phó Chủ tịch UBND huyện"): a
 * chairman signs "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", a deputy "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; an
 * authority line the record writes itself is kept. Another title is printed as it is.
 */
export const signatureBlock = ({ signerTitle }: { signerTitle: string | null }): SignatureBlock => {
  const title = (signerTitle ?? '').trim()
  if (!title) return { authorityLine: '', signerTitle: '' }
  const parts = title.split(/\s+[—–-]\s+/u)
  if (parts.length === 2 && delegationPattern.test(parts[0])) return { authorityLine: parts[0].toLocaleUpperCase('vi'), signerTitle: officeTitle(parts[1]) }
  const isDeputy = deputyPattern.test(title)
  const office = title.replace(deputyPattern, '')
  if (/^chủ tịch\b/iu.test(office)) {
    return isDeputy ? { authorityLine: 'KT. CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH' } : { authorityLine: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH' }
  }
  return { authorityLine: '', signerTitle: title.toLocaleUpperCase('vi') }
}

const tierWords = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s/iu

/**
 * The People's Committee of an authority named by its territory: "Huyện Hà Quảng" → "Ủy ban nhân
 * dân huyện Hà Quảng" (`isUpper`: "ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG"). A name that is not a territory
 * ("Sở Giáo dục và Đào tạo") is kept as it is. The demo's "(demo)" mark is dropped.
 */
export const committeeName = ({ authorityName, isUpper = false }: { authorityName: string; isUpper?: boolean }): string => {
  const name = authorityName.replace(/\s*\([^)]*\)\s*$/, '').trim()
  const full = tierWords.test(name) ? `Ủy ban nhân dân ${name.charAt(0).toLocaleLowerCase('vi')}${name.slice(1)}` : name
  return isUpper ? full.toLocaleUpperCase('vi') : full
}

/**
 * The thẩm quyền line under a decision's title: a People's Committee's decision is the chairman's
 * ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG") even when a deputy signs it; another signer's title
 * is printed as the record holds it.
 */
export const issuingPower = ({ signerTitle, authorityName }: { signerTitle: string | null; authorityName: string }): string => {
  const office = (signerTitle ?? '').split(/\s+[—–-]\s+/u).pop()?.trim() ?? ''
  if (/^(phó\s+)?chủ tịch\b/iu.test(office)) return `CHỦ TỊCH ${committeeName({ authorityName, isUpper: true })}`
  return office.toLocaleUpperCase('vi')
}

/** How an answer reads on a paper, by its measure: the words a clerk would write in the table. */
export type AnswerValue =
  | { measure: 'boolean'; value: boolean | null }
  | { measure: 'ratio'; numerator: number | null; denominator: number | null }
  | { measure: 'points'; points: number | null; maxPoints: number | null }
  | { measure: 'rank'; label: string | null }

type Reader<K extends AnswerValue['measure']> = (answer: Extract<AnswerValue, { measure: K }>) => string

/** One reader per measure kind (shared code never branches on the kind). */
const readers: { [K in AnswerValue['measure']]: Reader<K> } = {
  boolean: ({ value }) => (value === null ? 'Chưa trả lời' : value ? 'Có' : 'Không'),
  points: ({ maxPoints, points }) => {
    if (points === null) return 'Chưa chấm'
    return maxPoints === null ? `${decimalText(points)} điểm` : `${decimalText(points)}/${decimalText(maxPoints)} điểm`
  },
  rank: ({ label }) => label ?? 'Chưa trả lời',
  ratio: ({ denominator, numerator }) => {
    if (numerator === null || denominator === null) return 'Chưa trả lời'
    if (denominator === 0) return `${numerator}/${denominator}`
    return `${numerator}/${denominator} (${decimalText((numerator / denominator) * 100)}%)`
  },
}

export const answerInWords = (answer: AnswerValue): string => (readers[answer.measure] as (value: AnswerValue) => string)(answer)
