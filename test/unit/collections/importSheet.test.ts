/**
 * A spreadsheet's cells as units import rows (collections/units/importSheet.ts): headers found in
 * any order and case, blank lines skipped with the sheet's line numbers kept, codes typed as
 * numbers kept as text, authority codes resolved only among the caller's, and messages retold on
 * the sheet's lines.
 */
import { describe, expect, it } from 'vitest'

import { rowProblem } from '@collections/units/importRows'
import { headerKey, onSheetLine, sheetColumns, unitsFromSheet, type Cell } from '@collections/units/importSheet'

const header: Cell[] = ['Mã cấp quản lý *', 'TÊN ĐƠN VỊ', 'mã loại đơn vị (xem danh mục)', 'Mã cấp đơn vị', 'Mã đơn vị', 'Email tài khoản cán bộ đơn vị', 'Họ và tên cán bộ đơn vị', 'Ghi chú riêng']

describe('unitsFromSheet', () => {
  it('reads the columns by header, skips blank lines and keeps each row’s line', () => {
    const sheet = unitsFromSheet({
      authorityCodes: new Map([['HQ', 7]]),
      header,
      rows: [
        ['HQ', 'Trường A', 'thcs', 'huyen', 1001, 'GV@truong.vn', 'Cô A', 'ghi chú'],
        [null, '  ', null, null, null, null, null, null],
        ['12', 'Trường B', 'thcs', 'huyen', null, null, null, null],
      ],
    })
    expect(sheet.problems).toEqual([])
    expect(sheet.lines).toEqual([2, 4])
    expect(sheet.units[0]).toMatchObject({ account: { email: 'GV@truong.vn', name: 'Cô A' }, authority: 7, code: '1001', name: 'Trường A', tier: 'huyen', unitType: 'thcs' })
    // digits that are no code of the caller's: an id, which the row check then judges
    expect(sheet.units[1]).toMatchObject({ account: null, authority: '12', code: null })
  })

  it('an authority code unknown to the caller is a problem of that row', () => {
    const sheet = unitsFromSheet({ authorityCodes: new Map([['HQ', 7]]), header, rows: [['HQ', 'A', 'thcs', 'huyen'], ['CB', 'B', 'thcs', 'huyen']] })
    expect(sheet.problems).toEqual([expect.objectContaining({ field: 'authority', index: 1, path: 'units.1.authority' })])
  })

  it('a header line without the required columns names them; an empty sheet says so', () => {
    expect(unitsFromSheet({ authorityCodes: new Map(), header: ['Tên đơn vị'], rows: [['A']] }).problems[0].message).toBe(
      'Tệp thiếu cột «Mã loại đơn vị», «Mã cấp đơn vị», «Mã cấp quản lý» ở dòng tiêu đề (dòng 1). Hãy dùng tệp mẫu tải về từ màn hình nhập.',
    )
    expect(unitsFromSheet({ authorityCodes: new Map(), header, rows: [] }).problems.map((problem) => problem.path)).toEqual(['file'])
  })

  it('every template header is found back', () => {
    const keys = sheetColumns.map((column) => headerKey(`${column.header} *`))
    expect(new Set(keys).size).toBe(sheetColumns.length)
    expect(unitsFromSheet({ authorityCodes: new Map(), header: sheetColumns.map((column) => column.header.toUpperCase()), rows: [] }).problems[0].message).toMatch(/không có dòng đơn vị/)
  })
})

describe('onSheetLine', () => {
  it('retells a row’s problem on its line in the sheet', () => {
    const problem = rowProblem({ field: 'name', index: 1, message: 'không được để trống.' })
    expect(problem.message).toBe('Dòng 2, «Tên đơn vị»: không được để trống.')
    expect(onSheetLine({ lines: [2, 5], problem }).message).toBe('Dòng 5, «Tên đơn vị»: không được để trống.')
  })
})
