/**
 * /cong-nhan — the public register: units recognised as "Đơn vị học tập" whose recognition is
 * still valid (or graded for a year, without a validity period), by authority, year and level,
 * searchable by name. No login: only what each deciding authority publishes.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { todayInVietnam } from '@collections/dates'
import { formatVietnameseDate, parseIsoDate } from '@criteria/calendar'
import { queryRegister, type RegisterFilters } from '@/public/register'

export const dynamic = 'force-dynamic'

const vnDate = (iso: string | null) => {
  const date = iso ? parseIsoDate(iso) : null
  return date ? formatVietnameseDate(date) : ''
}

const Page = async ({ searchParams }: { searchParams: Promise<RegisterFilters> }) => {
  const filters = await searchParams
  const payload = await getPayload({ config })
  const { authorities, rows, years } = await queryRegister({ filters, payload, today: todayInVietnam(new Date()) })
  return (
    <main>
      <h1 style={{ marginBottom: 4 }}>Danh sách “Đơn vị học tập” được công nhận</h1>
      <p style={{ marginTop: 0 }}>Các đơn vị có quyết định công nhận còn hiệu lực đến ngày {vnDate(todayInVietnam(new Date()))}.</p>
      <form method="get" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, margin: '16px 0' }}>
        <label>
          Tên đơn vị <input defaultValue={filters.q ?? ''} name="q" type="search" />
        </label>
        <label>
          Cơ quan công nhận{' '}
          <select defaultValue={filters.authority ?? ''} name="authority">
            <option value="">Tất cả</option>
            {authorities.map((authority) => (
              <option key={authority.id} value={authority.id}>
                {authority.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Năm đánh giá{' '}
          <select defaultValue={filters.year ?? ''} name="year">
            <option value="">Tất cả</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mức độ{' '}
          <select defaultValue={filters.level ?? ''} name="level">
            <option value="">Tất cả</option>
            <option value="1">Mức độ 1</option>
            <option value="2">Mức độ 2</option>
          </select>
        </label>
        <button type="submit">Tìm</button>
      </form>
      {rows.length === 0 ? (
        <p data-testid="register-empty">Không có đơn vị nào phù hợp.</p>
      ) : (
        <table data-testid="register" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr style={{ borderBottom: '2px solid #ccc', textAlign: 'left' }}>
              <th>Đơn vị</th>
              <th>Công nhận</th>
              <th>Cơ quan công nhận</th>
              <th>Quyết định</th>
              <th>Hiệu lực đến</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} style={{ borderBottom: '1px solid #eee' }}>
                <td>{row.unitName}</td>
                <td>{row.outcomeLabel}</td>
                <td>{row.authorityName}</td>
                <td>
                  {row.decisionNumber} ngày {vnDate(row.decidedOn)}
                </td>
                <td>{row.validUntil ? vnDate(row.validUntil) : `Kết quả năm ${row.year ?? ''} (không có thời hạn bảo lưu)`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}

export default Page
