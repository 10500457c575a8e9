/**
 * Input shape before logic (issue 9): one `beforeOperation` hook that `withInputGuards` puts first
 * on every collection, so that no other hook, Payload's validation or the database sees input of
 * the wrong shape. It refuses, on REST, GraphQL and the Local API alike:
 * - ids that are not PostgreSQL serials (integers 1…2147483647, also as the request's path):
 *   404 "Không tìm thấy", exactly as for an id that does not exist;
 * - `where` filters a column cannot evaluate: a value of the wrong type for the field (a letter
 *   for a number or an id, an option not in the list, a date past year 9999, an object for a
 *   text), an operator the field's type has not (`like` on a date, a number or a list of options),
 *   and filters nested deeper than 32 levels: 400 naming the field by its label;
 * - `limit`, `page`, `depth` and `sort` that are not what they claim to be: 400 naming the parameter;
 * - documents that are not JSON objects, nest deeper than 32 levels, hold more than 100 000
 *   values, contain a NUL character or a `__proto__`/`constructor`/`prototype` key, or give a field
 *   a value of the wrong JSON type (a text for a list of rows, an object for a text, an id out of
 *   range, a date past year 9999, a number for an option): 400 before any hook runs — a
 *   ValidationError with each field's path, so the admin marks the fields.
 * Unknown fields and operators are left to Payload, which already answers 400 (QueryError).
 * Every walk over input is iterative (an explicit stack), so the guard cannot overflow the stack
 * on the input it is there to refuse.
 */
import type { CollectionBeforeOperationHook, CollectionConfig, Config, FlattenedField, PayloadRequest } from 'payload'
import { APIError, NotFound, ValidationError } from 'payload'

import { isCatalogueCode } from '@criteria/unitTypes'

/** PostgreSQL `integer` (int4), the type of every serial id and foreign key here. */
export const maxSerialId = 2_147_483_647
const minInt4 = -2_147_483_648

export const inputLimits = {
  /** nesting of a document or a filter; our deepest documents (criteria → indicators → scale, results) stay under 12 */
  depth: 32,
  /** values in one `in`/`not_in`/`all` list (REST's qs parser stops at 1000 too) */
  listItems: 1_000,
  /** values (leaves, objects and arrays) in one document; a national criteria set has about 3 000 */
  values: 100_000,
} as const

export type Problem = { path: string; message: string }

/** A 400 whose `data.errors[]` say what is wrong where, like the custom endpoints' answers. */
export class InputError extends APIError<{ errors: Problem[] }> {
  constructor({ problems }: { problems: Problem[] }) {
    super(problems.map((problem) => problem.message).join(' '), 400, { errors: problems }, true)
    this.name = 'InputError'
  }
}

/** Refused input is the caller's mistake, not the server's: logged as info, without a stack (payload.config.ts `loggingLevels`). */
export const inputErrorLogging = { InputError: 'info' } as Config['loggingLevels']

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** A value as a message shows it: quoted, short, on one line; lists and objects only by their outline (never walked). */
export const shown = (value: unknown): string => {
  let text: string
  if (Array.isArray(value)) {
    text = value.length <= 5 && value.every((item) => item === null || ['boolean', 'number', 'string'].includes(typeof item)) ? JSON.stringify(value) : `[${value.length} mục]`
  } else if (value instanceof Date) {
    text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  } else if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value)
    text = `{${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''}}`
  } else {
    text = typeof value === 'string' ? value : String(value)
  }
  text = text.replace(/\u0000/g, '\\u0000').replace(/\s+/g, ' ')
  return `«${text.length > 60 ? `${text.slice(0, 57)}…` : text}»`
}

// ---------------------------------------------------------------------------------------------
// Labels

const fallbackLabels: Record<string, string> = {
  _status: 'Trạng thái xuất bản',
  createdAt: 'Ngày tạo',
  email: 'Email',
  id: 'Mã (id)',
  // an upload collection's file, which Payload adds without a field of ours to label it
  file: 'Tệp tải lên',
  password: 'Mật khẩu',
  updatedAt: 'Ngày cập nhật',
}

/**
 * A field's Vietnamese label (labels are `{ vi, en }`; a collection's are functions of the language,
 * collections/labels.ts), else a known name, else its name.
 */
export const labelOf = ({ field }: { field: { label?: unknown; name?: string } }): string => {
  const { label, name } = field
  if (typeof label === 'string' && label) return label
  if (isPlainObject(label)) {
    const text = label.vi ?? label.en ?? Object.values(label)[0]
    if (typeof text === 'string' && text) return text
  }
  // Payload's own fields label themselves through `t` (createdAt, email): without Payload's texts here
  // they give '' and fall back to the names below; ours (collections/labels.ts) ignore `t`
  if (typeof label === 'function') {
    const text: unknown = label({ i18n: { language: 'vi' }, t: () => '' })
    if (typeof text === 'string' && text) return text
  }
  return (name && fallbackLabels[name]) || name || ''
}

const named = (fields: readonly FlattenedField[], name: string): FlattenedField | undefined =>
  fields.find((field) => 'name' in field && field.name === name)

const subFields = (field: FlattenedField): readonly FlattenedField[] | undefined =>
  'flattenedFields' in field ? (field.flattenedFields as FlattenedField[]) : undefined

/**
 * The part of a document path that names fields (indexes kept, keys inside a JSON value or an
 * unknown key dropped) and the labels along it: `criteria.0.indicators.3.appliesTo.1.unitType` →
 * ['Tiêu chí', 'Chỉ tiêu', 'Chỉ áp dụng cho loại đơn vị', 'Loại đơn vị'].
 */
export const fieldPathOf = ({ fields, path }: { fields: readonly FlattenedField[]; path: string }): { labels: string[]; path: string } => {
  const labels: string[] = []
  const kept: string[] = []
  let current: readonly FlattenedField[] | undefined = fields
  for (const segment of path.split('.').filter(Boolean)) {
    if (/^\d+$/.test(segment) && kept.length > 0) {
      kept.push(segment)
      continue
    }
    const field = current ? named(current, segment) : undefined
    if (!field) {
      if (current && fallbackLabels[segment]) {
        labels.push(fallbackLabels[segment])
        kept.push(segment)
      }
      break
    }
    labels.push(labelOf({ field }))
    kept.push(segment)
    current = subFields(field)
    if (!current) break
  }
  return { labels, path: kept.join('.') }
}

export const labelsAlong = ({ fields, path }: { fields: readonly FlattenedField[]; path: string }): string[] => fieldPathOf({ fields, path }).labels

const quoteLabels = (labels: readonly string[]) => `«${labels.join(' › ')}»`

// ---------------------------------------------------------------------------------------------
// Ids

/** A PostgreSQL serial id: an integer 1…2147483647, or the same written in plain decimal. */
export const isSerialId = (value: unknown): boolean => {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= maxSerialId
  if (typeof value === 'string') return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= maxSerialId
  return false
}

/** An integer a PostgreSQL `integer` column can be compared with (filters may use -1 for "none"). */
const isInt4 = (value: unknown): boolean => {
  if (typeof value === 'number') return Number.isInteger(value) && value >= minInt4 && value <= maxSerialId
  if (typeof value === 'string') return /^-?\d{1,10}$/.test(value) && Number(value) >= minInt4 && Number(value) <= maxSerialId
  return false
}

/**
 * Payload reads the id of `/api/{slug}/{id}` with parseFloat, so `/api/rounds/12abc` would serve
 * round 12: an id in the path that is not a plain serial is an id that does not exist.
 */
const isMangledRouteId = ({ req, id }: { req: PayloadRequest; id: unknown }) => {
  const routeId = (req.routeParams as { id?: unknown } | undefined)?.id
  return typeof routeId === 'string' && !isSerialId(routeId) && Number(id) === Number.parseFloat(routeId)
}

// ---------------------------------------------------------------------------------------------
// Documents

/**
 * Depth, size, NUL characters and prototype keys of any JSON value, walked with an explicit
 * stack. The first problem found, or null.
 */
export const inspectJson = ({ value, describe }: { value: unknown; describe: (path: string) => string }): Problem | null => {
  const stack: { depth: number; path: string; value: unknown }[] = [{ depth: 0, path: '', value }]
  let count = 0
  while (stack.length > 0) {
    const item = stack.pop()!
    count += 1
    if (count > inputLimits.values) {
      return { message: `Dữ liệu gửi lên quá lớn (hơn ${inputLimits.values.toLocaleString('vi-VN')} giá trị).`, path: '' }
    }
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return { message: `${describe(item.path)} chứa ký tự NUL (\\u0000), không lưu hay tìm được.`, path: item.path }
      continue
    }
    if (typeof item.value !== 'object' || item.value === null || item.value instanceof Date) continue
    if (item.depth >= inputLimits.depth) {
      return { message: `${describe(item.path)} lồng nhau quá sâu (quá ${inputLimits.depth} tầng).`, path: item.path }
    }
    if (Array.isArray(item.value)) {
      item.value.forEach((child, index) => stack.push({ depth: item.depth + 1, path: join(item.path, String(index)), value: child }))
      continue
    }
    for (const key of Object.keys(item.value)) {
      const path = join(item.path, key)
      if (forbiddenKeys.has(key) || key.includes('\u0000')) {
        return { message: `Tên trường ${shown(key)} không được phép${item.path ? ` (trong ${describe(item.path)})` : ''}.`, path: item.path }
      }
      stack.push({ depth: item.depth + 1, path, value: (item.value as Record<string, unknown>)[key] })
    }
  }
  return null
}

const optionValues = (field: FlattenedField): string[] =>
  'options' in field && Array.isArray(field.options)
    ? field.options.map((option: unknown) => (typeof option === 'string' ? option : String((option as { value: unknown }).value)))
    : []

/** A date a PostgreSQL `timestamp` column holds and Payload reads back: years 1…9999. */
const isStorableDate = (value: unknown): boolean => {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) return false
  const year = date.getUTCFullYear()
  return year >= 1 && year <= 9999
}

const isNumeric = (value: unknown) =>
  typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/** Catalogues whose rows are keyed by their code (collections/catalogueCode.ts), not by a serial id. */
const codeKeyed = new Set(['tiers', 'unit-types'])
const isCode = isCatalogueCode

const isReference = (field: FlattenedField, value: unknown): boolean => {
  const relationTo = (field as { relationTo?: unknown }).relationTo
  if (typeof relationTo === 'string' && codeKeyed.has(relationTo)) return isCode(value) || (isPlainObject(value) && isCode(value.id))
  if (isSerialId(value)) return true
  if (!isPlainObject(value)) return false
  if (Array.isArray((field as { relationTo?: unknown }).relationTo)) return typeof value.relationTo === 'string' && isSerialId(value.value)
  return isSerialId(value.id)
}

type Frame = { fields: readonly FlattenedField[]; path: string; value: Record<string, unknown> }

/** The message for one field's value of the wrong JSON type, or null; rows and groups go on the stack. */
const checkFieldValue = ({ field, value, path, push, name }: { field: FlattenedField; value: unknown; path: string; push: (frame: Frame) => void; name: string }): string | null => {
  const hasMany = 'hasMany' in field && field.hasMany === true
  const each = (check: (item: unknown) => boolean) => (hasMany ? Array.isArray(value) && value.every(check) : check(value))
  switch (field.type) {
    case 'array': {
      if (!Array.isArray(value)) return `${name} phải là một danh sách dòng, đã gửi ${shown(value)}.`
      for (const [index, row] of value.entries()) {
        if (!isPlainObject(row)) return `${name}: dòng ${index + 1} phải là một đối tượng, đã gửi ${shown(row)}.`
        if (row.id !== undefined && row.id !== null && typeof row.id !== 'string' && typeof row.id !== 'number') return `${name}: mã dòng ${index + 1} không hợp lệ.`
        push({ fields: field.flattenedFields, path: join(path, String(index)), value: row })
      }
      return null
    }
    case 'group':
    case 'tab': {
      if (!isPlainObject(value)) return `${name} phải là một nhóm trường (đối tượng), đã gửi ${shown(value)}.`
      push({ fields: field.flattenedFields, path, value })
      return null
    }
    case 'blocks': {
      if (!Array.isArray(value)) return `${name} phải là một danh sách khối, đã gửi ${shown(value)}.`
      for (const [index, row] of value.entries()) {
        const block = isPlainObject(row) ? field.blocks.find((candidate) => candidate.slug === row.blockType) : undefined
        if (!block || !isPlainObject(row)) return `${name}: khối ${index + 1} không có loại hợp lệ.`
        push({ fields: block.flattenedFields, path: join(path, String(index)), value: row })
      }
      return null
    }
    case 'relationship':
    case 'upload':
      if (typeof field.relationTo === 'string' && codeKeyed.has(field.relationTo)) {
        return each((item) => isReference(field, item)) ? null : `${name}: ${shown(value)} không phải mã hợp lệ (chữ thường không dấu, số, "_" hoặc "-").`
      }
      return each((item) => isReference(field, item)) ? null : `${name}: ${shown(value)} không phải mã bản ghi hợp lệ (số nguyên từ 1 đến ${maxSerialId}).`
    case 'number':
      return each(isNumeric) ? null : `${name} phải là số, đã gửi ${shown(value)}.`
    case 'checkbox':
      return typeof value === 'boolean' ? null : `${name} chỉ nhận đúng (true) hoặc sai (false), đã gửi ${shown(value)}.`
    case 'select':
    case 'radio':
      // the option itself is checked by Payload's validation and our own validators, with their own words
      return each((item) => typeof item === 'string') ? null : `${name} phải là một lựa chọn (chuỗi ký tự), đã gửi ${shown(value)}.`
    case 'date':
      return isStorableDate(value) ? null : `${name}: ${shown(value)} không phải ngày hợp lệ (năm từ 1 đến 9999).`
    case 'email':
      return typeof value === 'string' ? null : `${name} phải là một địa chỉ email (chuỗi ký tự), đã gửi ${shown(value)}.`
    case 'text':
    case 'textarea':
    case 'code':
      return each((item) => typeof item === 'string' || typeof item === 'number') ? null : `${name} phải là văn bản, đã gửi ${shown(value)}.`
    case 'point':
      return Array.isArray(value) && value.length === 2 && value.every((item) => typeof item === 'number') ? null : `${name} phải là cặp số [kinh độ, vĩ độ].`
    default:
      // json and rich text hold any JSON (bounded by inspectJson); joins are never written
      return null
  }
}

/**
 * Field values of the wrong JSON type in an incoming document, walked over the collection's
 * fields with an explicit stack. Null and absent values are left to `required` and the hooks.
 * The one rewrite: an array or blocks field sent as 0 (the admin form's empty list) becomes [].
 */
export const checkDocument = ({ data, fields }: { data: Record<string, unknown>; fields: readonly FlattenedField[] }): Problem[] => {
  const problems: Problem[] = []
  const stack: Frame[] = [{ fields, path: '', value: data }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    for (const field of frame.fields) {
      if (!('name' in field)) continue
      const value = frame.value[field.name]
      if (value === undefined || value === null) continue
      // the admin form sends an array or blocks field it has no rows for as its row count, 0; Payload
      // stores no rows for it, so the hooks behind this one get the empty list it means
      if ((field.type === 'array' || field.type === 'blocks') && value === 0) {
        frame.value[field.name] = []
        continue
      }
      const path = join(frame.path, field.name)
      const message = checkFieldValue({ field, name: `«${labelOf({ field })}»`, path, push: (next) => stack.push(next), value })
      if (message) problems.push({ message, path })
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path))
}

// ---------------------------------------------------------------------------------------------
// Filters (`where`)

export type FieldsOf = (slug: string) => readonly FlattenedField[] | undefined

type ValueKind = 'checkbox' | 'date' | 'id' | 'number' | 'option' | 'point' | 'text'

export type QueryTarget = (
  | { hasMany: boolean; kind: ValueKind; labels: string[]; options: string[]; relationTo?: string; isCatalogueRelation?: boolean }
  | { kind: 'json'; labels: string[]; subPath: string[] }
  | { kind: 'container'; labels: string[] }
) & {
  /** reached through a list of rows or a relationship to many: no single value to sort by */
  isInList?: boolean
}

const kindOfField: Partial<Record<FlattenedField['type'], ValueKind>> = {
  checkbox: 'checkbox',
  code: 'text',
  date: 'date',
  email: 'text',
  number: 'number',
  point: 'point',
  radio: 'option',
  select: 'option',
  text: 'text',
  textarea: 'text',
}

/** Columns of a versions table that are not the document's own fields. */
const versionColumns: Record<string, ValueKind> = { autosave: 'checkbox', latest: 'checkbox', parent: 'id', snapshot: 'checkbox' }

/**
 * What a filter path points at: a field's value kind, a JSON field (with the path inside it), or
 * null where Payload itself decides (an unknown path, a join, a polymorphic relationship).
 * Follows groups, tabs, arrays and relationships into the related collection; `__` is GraphQL's `.`.
 */
export const resolveQueryPath = ({ path, slug, fieldsOf }: { path: string; slug: string; fieldsOf: FieldsOf }): QueryTarget | null => {
  const segments = path.replace(/__/g, '.').split('.')
  let fields = fieldsOf(slug)
  if (!fields) return null
  let collection = slug
  const labels: string[] = []
  let isInList = false
  const found = <T extends QueryTarget>(target: T): T => ({ ...target, isInList })
  if (segments[0] === 'version' && segments.length > 1) segments.shift()
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!
    const isLast = index === segments.length - 1
    if (segment === 'id' && isLast) {
      // a catalogue's id is its code, compared as text
      if (codeKeyed.has(collection)) return found({ hasMany: false, kind: 'text', labels: [...labels, fallbackLabels.id!], options: [] })
      return found({ hasMany: false, kind: 'id', labels: [...labels, fallbackLabels.id!], options: [] })
    }
    const field: FlattenedField | undefined = named(fields, segment)
    if (!field) {
      const versionKind = index === 0 ? versionColumns[segment] : undefined
      return versionKind && isLast ? found({ hasMany: false, kind: versionKind, labels: [segment], options: [] }) : null
    }
    labels.push(labelOf({ field }))
    if (field.type === 'group' || field.type === 'tab' || field.type === 'array') {
      if (isLast) return found({ kind: 'container', labels })
      if (field.type === 'array') isInList = true
      fields = field.flattenedFields
      continue
    }
    if (field.type === 'relationship' || field.type === 'upload') {
      if (typeof field.relationTo !== 'string') return null
      const hasMany = field.hasMany === true
      if (isLast || (segments[index + 1] === 'id' && index + 1 === segments.length - 1)) {
        if (codeKeyed.has(field.relationTo)) return found({ hasMany, isCatalogueRelation: true, kind: 'text', labels, options: [] })
        return found({ hasMany, kind: 'id', labels, options: [], relationTo: field.relationTo })
      }
      if (hasMany) isInList = true
      const related = fieldsOf(field.relationTo)
      if (!related) return null
      collection = field.relationTo
      fields = related
      continue
    }
    if (field.type === 'json' || field.type === 'richText') return found({ kind: 'json', labels, subPath: segments.slice(index + 1) })
    const kind = kindOfField[field.type]
    if (!kind || !isLast) return null
    return found({ hasMany: 'hasMany' in field && field.hasMany === true, kind, labels, options: optionValues(field) })
  }
  return null
}

const listOperators = new Set(['all', 'in', 'not_in'])
const orderOperators = new Set(['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])
const textOperators = new Set(['contains', 'like', 'not_like'])
const geoOperators = new Set(['intersects', 'near', 'within'])
const validOperators = new Set(['all', 'contains', 'equals', 'exists', 'greater_than', 'greater_than_equal', 'in', 'intersects', 'less_than', 'less_than_equal', 'like', 'near', 'not_equals', 'not_in', 'not_like', 'within'])
/** What Payload's PostgreSQL adapter lets into a JSON path query (it answers 400 in English for the rest). */
const safeJsonString = /^[\w @.\-+:]*$/

const kindWords: Record<ValueKind, string> = {
  checkbox: 'đúng/sai',
  date: 'ngày',
  id: 'mã bản ghi',
  number: 'số',
  option: 'chọn từ danh sách',
  point: 'toạ độ',
  text: 'văn bản',
}

const isBooleanLike = (value: unknown) => typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value))

/** The problem with one scalar compared with a field of this kind, or null. */
const scalarProblem = ({ target, value, isList }: { target: Extract<QueryTarget, { kind: ValueKind }>; value: unknown; isList: boolean }): string | null => {
  const name = quoteLabels(target.labels)
  const isNull = value === null || (!isList && value === 'null')
  if (typeof value === 'object' && value !== null) return `${name}: giá trị lọc phải là một giá trị đơn, không phải ${Array.isArray(value) ? 'danh sách' : 'đối tượng'} (đã gửi ${shown(value)}).`
  if (typeof value === 'string' && value.includes('\u0000')) return `${name}: giá trị lọc chứa ký tự NUL (\\u0000).`
  if (isNull && !isList) return null
  switch (target.kind) {
    case 'id':
      return isInt4(value) ? null : `${name}: giá trị lọc ${shown(value)} không phải mã bản ghi (số nguyên).`
    case 'number':
      return isNumeric(value) && Number.isFinite(Number(value)) ? null : `${name}: giá trị lọc ${shown(value)} không phải là số.`
    case 'date':
      return isStorableDate(value) ? null : `${name}: ${shown(value)} không phải ngày hợp lệ (năm từ 1 đến 9999).`
    case 'checkbox':
      return isBooleanLike(value) ? null : `${name} chỉ lọc được theo true hoặc false (đã gửi ${shown(value)}).`
    case 'option':
      return typeof value === 'string' && target.options.includes(value) ? null : `${name}: ${shown(value)} không có trong danh sách lựa chọn (${target.options.join(', ')}).`
    case 'text':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? null : `${name}: giá trị lọc ${shown(value)} không hợp lệ.`
    default:
      return null
  }
}

/** The problem with one `operator: value` on a resolved path, or null; nested filters go to `push`. */
const constraintProblem = ({ target, operator, value, path, push }: { target: QueryTarget; operator: string; value: unknown; path: string; push: (where: unknown, slug: string, path: string) => void }): string | null => {
  const name = quoteLabels(target.labels)
  if (target.kind === 'container') return null // Payload refuses a filter on a group or a list of rows itself
  if (operator === 'all') return `Toán tử «all» chưa dùng được khi lọc ${name}; hãy dùng «in».`
  if (operator === 'exists') return isBooleanLike(value) ? null : `Toán tử «exists» của ${name} chỉ nhận true hoặc false (đã gửi ${shown(value)}).`
  if (target.kind === 'json') {
    if (target.subPath.length === 0) return `${name} chỉ lọc được theo một khoá bên trong (ví dụ ${path}.outcome) hoặc bằng «exists».`
    if (!['contains', 'equals', 'in', 'like', 'not_equals', 'not_in', 'not_like'].includes(operator)) {
      return `Không dùng được toán tử ${shown(operator)} để lọc ${name}; dùng equals, not_equals, in, not_in, like, not_like, contains hoặc exists.`
    }
    const items = listOperators.has(operator) ? value : [value]
    if (!Array.isArray(items) || items.length > inputLimits.listItems) return `Toán tử ${shown(operator)} của ${name} cần một danh sách giá trị (tối đa ${inputLimits.listItems}).`
    for (const item of items) {
      if (item === null || typeof item === 'number' || typeof item === 'boolean') continue
      if (typeof item !== 'string' || !safeJsonString.test(item)) {
        return `${name}: giá trị lọc ${shown(item)} chỉ được gồm chữ, số, khoảng trắng và các ký tự @ . - + : _`
      }
    }
    return null
  }
  if (geoOperators.has(operator) && target.kind !== 'point') return `Toán tử ${shown(operator)} chỉ dùng cho toạ độ, không dùng để lọc ${name}.`
  // a relationship to a catalogue compares whole codes: Payload turns `like` on a relationship into
  // equals, which would answer an empty list rather than the codes a user meant
  if (textOperators.has(operator) && target.isCatalogueRelation && !(operator === 'contains' && target.hasMany)) {
    return `Không dùng được toán tử ${shown(operator)} để lọc ${name} (trường chọn từ danh mục, so sánh nguyên mã); dùng equals, not_equals, in, not_in hoặc exists.`
  }
  const isTextual = target.kind === 'text'
  const isManyContains = operator === 'contains' && target.hasMany && (target.kind === 'id' || target.kind === 'option')
  if (textOperators.has(operator) && !isTextual && !isManyContains) {
    return `Không dùng được toán tử ${shown(operator)} để lọc ${name} (trường ${kindWords[target.kind]}); dùng equals, not_equals, in, not_in${target.kind === 'number' || target.kind === 'date' ? ', greater_than, less_than' : ''} hoặc exists.`
  }
  if (orderOperators.has(operator) && (target.kind === 'checkbox' || target.kind === 'option')) {
    return `Không dùng được toán tử ${shown(operator)} để lọc ${name} (trường ${kindWords[target.kind]}).`
  }
  if (isManyContains && target.kind === 'id' && isPlainObject(value) && target.relationTo) {
    push(value, target.relationTo, path)
    return null
  }
  if (listOperators.has(operator)) {
    const items = typeof value === 'string' ? value.split(',') : typeof value === 'number' ? [value] : value
    if (!Array.isArray(items) || items.length > inputLimits.listItems) return `Toán tử ${shown(operator)} của ${name} cần một danh sách giá trị (tối đa ${inputLimits.listItems}).`
    for (const item of items) {
      const problem = scalarProblem({ isList: true, target, value: item })
      if (problem) return problem
    }
    return null
  }
  // a relationship compared with several ids is Payload's `in`
  if (Array.isArray(value) && target.kind === 'id' && target.relationTo && (operator === 'equals' || operator === 'not_equals')) {
    if (value.length > inputLimits.listItems) return `${name}: quá nhiều giá trị (tối đa ${inputLimits.listItems}).`
    for (const item of value) {
      const problem = scalarProblem({ isList: true, target, value: item })
      if (problem) return problem
    }
    return null
  }
  return scalarProblem({ isList: false, target, value })
}

/**
 * Problems in a `where` filter for a collection, before the database sees it. Walked with an
 * explicit stack; nested `and`/`or` and relationship `contains` filters are followed.
 */
export const checkWhere = ({ where, slug, fieldsOf }: { where: unknown; slug: string; fieldsOf: FieldsOf }): Problem[] => {
  const problems: Problem[] = []
  const stack: { depth: number; path: string; slug: string; where: unknown }[] = [{ depth: 0, path: '', slug, where }]
  while (stack.length > 0 && problems.length === 0) {
    const item = stack.pop()!
    const at = item.path || 'where'
    if (item.depth > inputLimits.depth) {
      problems.push({ message: `Điều kiện lọc lồng nhau quá sâu (quá ${inputLimits.depth} tầng).`, path: at })
      break
    }
    if (!isPlainObject(item.where)) {
      problems.push({ message: `Điều kiện lọc phải là một đối tượng { trường: { toán tử: giá trị } }, đã gửi ${shown(item.where)}.`, path: at })
      break
    }
    for (const key of Object.keys(item.where)) {
      const constraint = item.where[key]
      const path = item.path ? `${item.path}.${key}` : key
      if (key.includes('\u0000') || forbiddenKeys.has(key)) {
        problems.push({ message: `Tên trường ${shown(key)} không lọc được.`, path })
        continue
      }
      if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
        if (!Array.isArray(constraint) || constraint.length > inputLimits.listItems) {
          problems.push({ message: `«${key}» trong điều kiện lọc phải là một danh sách điều kiện (tối đa ${inputLimits.listItems}).`, path })
          continue
        }
        constraint.forEach((child, index) => stack.push({ depth: item.depth + 1, path: `${path}.${index}`, slug: item.slug, where: child }))
        continue
      }
      const target = resolveQueryPath({ fieldsOf, path: key, slug: item.slug })
      const name = target ? quoteLabels(target.labels) : shown(key)
      if (!isPlainObject(constraint)) {
        problems.push({ message: `Điều kiện lọc theo ${name} phải có dạng { toán tử: giá trị }, ví dụ where[${key}][equals]=…`, path })
        continue
      }
      if (!target) continue // unknown to us: Payload answers 400 (QueryError) or handles it
      for (const operator of Object.keys(constraint)) {
        if (!validOperators.has(operator)) continue // Payload answers 400 (QueryError)
        const message = constraintProblem({
          operator,
          path: key,
          push: (where, relatedSlug, nestedPath) => stack.push({ depth: item.depth + 1, path: `${path}.${nestedPath}.${operator}`, slug: relatedSlug, where }),
          target,
          value: constraint[operator],
        })
        if (message) problems.push({ message, path: `${path}.${operator}` })
      }
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// Query parameters

const isIntegerIn = (value: unknown, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/**
 * Problems with `limit`, `page`, `depth` and `sort` as the operation received them. A sort key
 * must name one value per document: not a JSON value, a group, a list of rows or a field inside
 * one, nor a relationship to many (PostgreSQL cannot order by those; Payload answers 500).
 */
export const checkQueryParams = ({ args, slug, fieldsOf }: { args: Record<string, unknown>; slug?: string; fieldsOf?: FieldsOf }): Problem[] => {
  const problems: Problem[] = []
  const { depth, limit, page, sort } = args
  if (limit !== undefined && limit !== null && !isIntegerIn(limit, 0, maxSerialId)) {
    problems.push({ message: `Tham số «limit» phải là số nguyên từ 0 đến ${maxSerialId} (đã gửi ${shown(limit)}).`, path: 'limit' })
  }
  if (page !== undefined && page !== null && !isIntegerIn(page, 1, maxSerialId)) {
    problems.push({ message: `Tham số «page» phải là số nguyên từ 1 đến ${maxSerialId} (đã gửi ${shown(page)}).`, path: 'page' })
  }
  if (depth !== undefined && depth !== null && !isIntegerIn(depth, 0, 100)) {
    problems.push({ message: `Tham số «depth» phải là số nguyên từ 0 đến 100 (đã gửi ${shown(depth)}).`, path: 'depth' })
  }
  if (sort !== undefined && sort !== null) {
    const parts = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : null
    if (!parts || parts.length > 20 || !parts.every((part) => typeof part === 'string' && /^\s*-?[\w.]*\s*$/.test(part))) {
      problems.push({ message: `Tham số «sort» phải là tên trường (thêm dấu - phía trước để xếp giảm dần), cách nhau bởi dấu phẩy (đã gửi ${shown(sort)}).`, path: 'sort' })
    } else if (slug && fieldsOf) {
      for (const part of parts as string[]) {
        const path = part.trim().replace(/^-/, '')
        const target = path ? resolveQueryPath({ fieldsOf, path, slug }) : null
        if (target && (target.isInList || target.kind === 'json' || target.kind === 'container' || ('hasMany' in target && target.hasMany))) {
          problems.push({ message: `Không sắp xếp được theo ${quoteLabels(target.labels)}: trường này có thể có nhiều giá trị trong một bản ghi.`, path: 'sort' })
        }
      }
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// The hook

const credentialKeys = ['email', 'password', 'username', 'token'] as const

/** Ids, filters and query parameters: 404 for an id no serial has, 400 for a malformed query. */
const checkQuery = ({ args, collection, req }: Parameters<CollectionBeforeOperationHook>[0]) => {
  const input = args as Record<string, unknown>
  const collections = req.payload.collections as Record<string, { config: { flattenedFields: FlattenedField[] } } | undefined>
  const fieldsOf: FieldsOf = (slug) => collections[slug]?.config.flattenedFields
  // a catalogue's id is its code (tiers, unit-types): `/api/tiers/huyen`
  const isIdOfCollection = codeKeyed.has(collection.slug) ? isCode : (id: unknown) => isSerialId(id) && !isMangledRouteId({ id, req })
  if (input.id !== undefined && input.id !== null && !isIdOfCollection(input.id)) {
    throw new NotFound(req.t)
  }
  const queryProblems = [
    ...(input.where !== undefined && input.where !== null ? checkWhere({ fieldsOf, slug: collection.slug, where: input.where }) : []),
    ...checkQueryParams({ args: input, fieldsOf, slug: collection.slug }),
  ]
  if (queryProblems.length > 0) throw new InputError({ problems: queryProblems })
}

/**
 * The queries that reach the collections Payload adds itself (preferences, locked documents,
 * migrations) from outside, over REST or GraphQL. Payload's own code uses them through the Local
 * API in shapes of its own (a preference's owner as `{ collection, value }`, a lock's age as a Date
 * object, polymorphic paths): those calls and all their documents are left alone.
 */
export const guardQueries: CollectionBeforeOperationHook = (hookArgs) => {
  if (hookArgs.req.payloadAPI === 'REST' || hookArgs.req.payloadAPI === 'GraphQL') checkQuery(hookArgs)
  return hookArgs.args
}

export const guardInput: CollectionBeforeOperationHook = (hookArgs) => {
  const { args, collection, operation, req } = hookArgs
  const input = args as Record<string, unknown>
  checkQuery(hookArgs)

  if (operation === 'create' || operation === 'update' || operation === 'login' || operation === 'forgotPassword' || operation === 'resetPassword') {
    const data = input.data
    if (data === undefined && operation === 'update') return args
    if (!isPlainObject(data)) {
      throw new InputError({ problems: [{ message: `Nội dung gửi lên phải là một đối tượng JSON { tên trường: giá trị }, đã gửi ${shown(data)}.`, path: '' }] })
    }
    const fields = collection.flattenedFields
    // messages name the field itself; the error hook (errorMessages.ts) adds the rows and groups it sits in
    const describe = (path: string) => `«${labelsAlong({ fields, path }).at(-1) ?? path}»`
    const shapeProblem = inspectJson({ describe, value: data })
    const problems: Problem[] = shapeProblem
      ? [{ ...shapeProblem, path: fieldPathOf({ fields, path: shapeProblem.path }).path }]
      : operation === 'create' || operation === 'update'
        ? checkDocument({ data, fields })
        : credentialKeys.filter((key) => data[key] !== undefined && data[key] !== null && typeof data[key] !== 'string').map((key) => ({ message: `${describe(key)} phải là chuỗi ký tự.`, path: key }))
    // a file is uploaded, never fetched by the server from an address the client names
    if (!shapeProblem && collection.upload && !input.overrideAccess && (operation === 'create' || operation === 'update')) {
      for (const key of ['url', 'thumbnailURL']) {
        if (data[key] !== undefined && data[key] !== null) problems.push({ message: `${describe(key)}: không nhận tệp qua địa chỉ; hãy tải tệp lên.`, path: key })
      }
    }
    if (!shapeProblem && collection.auth && (operation === 'create' || operation === 'update') && data.password !== undefined && data.password !== null && typeof data.password !== 'string') {
      problems.push({ message: `${describe('password')} phải là chuỗi ký tự.`, path: 'password' })
    }
    if (problems.length === 0) return args
    if (problems.some((problem) => !problem.path)) throw new InputError({ problems })
    throw new ValidationError(
      { collection: collection.slug, errors: problems.map((problem) => ({ label: labelsAlong({ fields, path: problem.path }).at(-1), message: problem.message, path: problem.path })), req },
      req.t,
    )
  }
  return args
}

/**
 * The query guard on the collections Payload adds itself (preferences, locked documents,
 * migrations), which `withInputGuards` never sees: they too answer GraphQL and REST queries, and a
 * malformed filter on them reached PostgreSQL as a 500 (found by the fuzz at FUZZ_SCALE 5).
 * Applied to the sanitized config; a collection already guarded is left as it is.
 */
export const guardEveryCollection = <T extends { collections: { hooks: { beforeOperation?: CollectionBeforeOperationHook[] } }[] }>(config: T): T => {
  for (const collection of config.collections) {
    const hooks = (collection.hooks.beforeOperation ??= [])
    if (!hooks.includes(guardInput) && !hooks.includes(guardQueries)) hooks.unshift(guardQueries)
  }
  return config
}

/** Every collection with `guardInput` as its first `beforeOperation` hook. */
export const withInputGuards = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [guardInput, ...(collection.hooks?.beforeOperation ?? [])] },
  }))
