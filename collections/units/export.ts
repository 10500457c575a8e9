/** «Xuất Excel» of the units list: one line per unit the user may read, with the list's filters. */
import { loadCatalogues } from '../catalogues'
import { exportEndpoint, titleOf, titlesOf, yesNo } from '../exportSheet'

import { relationId } from '../access/roles'

export const unitsExportEndpoint = exportEndpoint({
  filename: 'don-vi.xlsx',
  sheets: async ({ req, docs }) => {
    const [catalogues, authorities] = await Promise.all([loadCatalogues({ req }), titlesOf({ collection: 'authorities', req, values: docs.map((doc) => doc.authority) })])
    const label = (catalogue: ReadonlyMap<string, { label: string }>, value: unknown) => {
      const code = relationId(value)
      return code === null ? null : (catalogue.get(String(code))?.label ?? String(code))
    }
    return [
      {
        columns: [
          { header: 'Mã đơn vị', width: 16 },
          { header: 'Tên đơn vị', width: 40 },
          { header: 'Loại đơn vị', width: 30 },
          { header: 'Cấp đơn vị', width: 14 },
          { header: 'Cấp quản lý', width: 30 },
          { header: 'Số thành viên', width: 14 },
          { header: 'Số người học', width: 14 },
          { header: 'Thư điện tử liên hệ', width: 28 },
          { header: 'Đang hoạt động', width: 14 },
        ],
        name: 'Đơn vị',
        rows: docs.map((doc) => [
          (doc.code as string | null) ?? null,
          String(doc.name),
          label(catalogues.unitTypes, doc.unitType),
          label(catalogues.tiers, doc.tier),
          titleOf(authorities, doc.authority),
          (doc.memberCount as number | null) ?? null,
          (doc.learnerCount as number | null) ?? null,
          (doc.email as string | null) ?? null,
          yesNo(doc.isActive),
        ]),
      },
    ]
  },
  slug: 'units',
  sort: 'name',
})
