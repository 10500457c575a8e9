/**
 * /cong-nhan — the public register: units recognised as "Đơn vị học tập" whose recognition is
 * still valid (or graded for a year, without a validity period), by authority, year and level,
 * searchable by name. No login: only what each deciding authority publishes. Rendered on the
 * server as a plain GET form and a table; register.css prints it as a list with its filters and date.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { todayInVietnam } from '@collections/dates'
import { formatVietnameseDate, parseIsoDate } from '@criteria/calendar'
import { describeFilters, pageHref, queryRegister, readFilters, type RegisterFilters } from '@/public/register'

import { PrintButton } from './PrintButton'
import './register.css'

export const dynamic = 'force-dynamic'

/** The deciding authorities named in the title band; a country's hundreds are counted instead. */
const namedInBand = 8

export const metadata = { title: 'Danh sách đơn vị được công nhận “Đơn vị học tập”' }

const vnDate = (iso: string | null) => {
  const date = iso ? parseIsoDate(iso) : null
  return date ? formatVietnameseDate(date) : ''
}

const Page = async ({ searchParams }: { searchParams: Promise<RegisterFilters> }) => {
  const filters = await searchParams
  const payload = await getPayload({ config })
  const today = todayInVietnam(new Date())
  const { authorities, offset, page, pages, rows, total, years } = await queryRegister({ filters, payload, today })
  const shown = rows.length > 0 ? `dòng ${offset + 1}–${offset + rows.length}` : ''
  const chosen = readFilters(filters)
  const applied = describeFilters({ authorities, filters })
  const deciders = chosen.authority === null ? authorities : authorities.filter((authority) => authority.id === String(chosen.authority))
  return (
    <>
      <a className="skip-link" href="#danh-sach">
        Bỏ qua bộ lọc, đến danh sách
      </a>
      <header className="band">
        <div className="band__inner">
          <p className="band__product">Đơn vị học tập · Công bố công khai</p>
          <h1 className="band__title">Danh sách đơn vị được công nhận “Đơn vị học tập”</h1>
          <p className="band__context">
            {deciders.length > namedInBand ? (
              <>
                Kết quả của <strong>{deciders.length} cơ quan công nhận</strong>; chọn một cơ quan trong ô «Cơ quan công nhận» để xem riêng.
              </>
            ) : deciders.length > 0 ? (
              <>
                Cơ quan công nhận: <strong>{deciders.map((authority) => authority.name).join(' · ')}</strong>
              </>
            ) : (
              'Chưa có cơ quan công nhận nào công bố kết quả trên trang này.'
            )}
          </p>
        </div>
      </header>

      <main className="register">
        <p className="register__lead">
          Các đơn vị có quyết định công nhận còn hiệu lực tính đến ngày {vnDate(today)}, theo kết quả mỗi cơ quan công nhận cho phép công bố.
        </p>

        <div className="print-only register__print-heading" data-testid="register-print-heading">
          <p>Điều kiện lọc: {applied.length > 0 ? applied.join('; ') : 'không lọc (toàn bộ danh sách)'}.</p>
          {pages > 1 ? (
            <p>
              Trang {page}/{pages}: {shown} trong {total} đơn vị.
            </p>
          ) : null}
          <p>Ngày in: {vnDate(today)}.</p>
        </div>

        <form aria-label="Lọc danh sách đơn vị được công nhận" className="filters" data-testid="register-filters" method="get" role="search">
          <div className="filters__field filters__field--wide">
            <label htmlFor="loc-ten">Tên đơn vị</label>
            <input defaultValue={chosen.q} id="loc-ten" name="q" placeholder="Ví dụ: Xuân Hòa" type="search" />
          </div>
          <div className="filters__field">
            <label htmlFor="loc-co-quan">Cơ quan công nhận</label>
            <select defaultValue={chosen.authority === null ? '' : String(chosen.authority)} id="loc-co-quan" name="authority">
              <option value="">Tất cả</option>
              {authorities.map((authority) => (
                <option key={authority.id} value={authority.id}>
                  {authority.name}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor="loc-nam">Năm đánh giá</label>
            <select defaultValue={chosen.year === null ? '' : String(chosen.year)} id="loc-nam" name="year">
              <option value="">Tất cả</option>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor="loc-muc-do">Mức độ</label>
            <select defaultValue={chosen.level === null ? '' : String(chosen.level)} id="loc-muc-do" name="level">
              <option value="">Tất cả</option>
              <option value="1">Mức độ 1</option>
              <option value="2">Mức độ 2</option>
            </select>
          </div>
          <div className="filters__actions">
            <button className="register-button" type="submit">
              Tìm kiếm
            </button>
            {applied.length > 0 ? (
              <a className="register-button register-button--link" href="/cong-nhan">
                Xóa bộ lọc
              </a>
            ) : null}
          </div>
        </form>

        <div className="results-bar">
          <p className="results-bar__count" data-testid="register-count">
            {total === 0 ? 'Không tìm thấy đơn vị nào' : <>Tìm thấy <strong>{total}</strong> đơn vị</>}
            {applied.length > 0 ? <span className="results-bar__filters"> — {applied.join('; ')}</span> : null}
          </p>
          {pages > 1 ? (
            <p className="results-bar__pages" data-testid="register-pages">
              Trang {page}/{pages} ({shown})
            </p>
          ) : null}
          {rows.length > 0 ? <PrintButton /> : null}
        </div>

        {rows.length === 0 ? (
          <div className="empty" data-testid="register-empty" id="danh-sach">
            <p className="empty__title">Không có đơn vị nào phù hợp.</p>
            <p>
              {applied.length > 0 ? (
                <>
                  Hãy bỏ bớt điều kiện lọc hoặc <a href="/cong-nhan">xem toàn bộ danh sách</a>.
                </>
              ) : (
                'Chưa có kết quả công nhận nào còn hiệu lực được công bố.'
              )}
            </p>
          </div>
        ) : (
          <div aria-labelledby="register-caption" className="table-wrap" id="danh-sach" role="region" tabIndex={0}>
            <table className="register-table" data-testid="register">
              <caption className="visually-hidden" id="register-caption">
                Danh sách đơn vị được công nhận “Đơn vị học tập”, {total} đơn vị
              </caption>
              <thead>
                <tr>
                  <th className="col-number" scope="col">
                    STT
                  </th>
                  <th scope="col">Tên đơn vị</th>
                  <th className="col-type" scope="col">
                    Loại đơn vị
                  </th>
                  <th className="col-center" scope="col">
                    Năm đánh giá
                  </th>
                  <th className="col-authority" scope="col">
                    Cơ quan công nhận
                  </th>
                  <th scope="col">Số quyết định</th>
                  <th className="col-center" scope="col">
                    Ngày ký
                  </th>
                  <th scope="col">Mức độ / xếp loại</th>
                  <th className="col-center" scope="col">
                    Hiệu lực đến
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.id}>
                    <td className="col-number">{offset + index + 1}</td>
                    <th className="register-table__unit" scope="row">
                      {row.unitName}
                    </th>
                    <td className="col-type">{row.unitType}</td>
                    <td className="col-center">{row.year ?? ''}</td>
                    <td className="col-authority">{row.authorityName}</td>
                    <td>{row.decisionNumber}</td>
                    <td className="col-center">{vnDate(row.decidedOn)}</td>
                    <td>
                      <span className="level-badge" title={row.outcomeLabel}>
                        {row.levelLabel}
                      </span>
                    </td>
                    <td className="col-center">{row.validUntil ? vnDate(row.validUntil) : <span className="muted">Không có thời hạn bảo lưu</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {pages > 1 ? (
          <nav aria-label="Các trang của danh sách" className="pager" data-testid="register-pager">
            {page > 1 ? (
              <a className="register-button register-button--link" href={pageHref({ filters, page: page - 1 })} rel="prev">
                « Trang trước
              </a>
            ) : null}
            <span className="pager__where">
              Trang {page}/{pages}
            </span>
            {page < pages ? (
              <a className="register-button register-button--link" href={pageHref({ filters, page: page + 1 })} rel="next">
                Trang sau »
              </a>
            ) : null}
          </nav>
        ) : null}
      </main>
    </>
  )
}

export default Page
