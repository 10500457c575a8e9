'use client'
/**
 * Beside a template's upload: the data model of the chosen document type — every placeholder and
 * loop the template may use, from the single list in criteria/documents/types.ts — and a link to
 * the built-in default to start from.
 */
import { useFormFields } from '@payloadcms/ui'

import { documentTypeByCode } from '@criteria/documents'

const code: React.CSSProperties = { fontFamily: 'monospace', whiteSpace: 'nowrap' }

export const DocumentModel = () => {
  const docType = useFormFields(([fields]) => fields.docType?.value as string | undefined)
  const type = docType ? documentTypeByCode(docType) : null
  if (!type) return <p style={{ color: 'var(--theme-elevation-600)' }}>Chọn loại văn bản để xem các trường dữ liệu mẫu được dùng.</p>
  return (
    <div className="document-model" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 8px' }}>Các trường dữ liệu của «{type.title}»</h4>
      <p style={{ margin: '0 0 8px' }}>
        Trong Word, gõ tên trường trong ngoặc nhọn, ví dụ <span style={code}>{'{tenDonVi}'}</span>; một danh sách lặp lại đoạn văn hoặc dòng bảng nằm giữa{' '}
        <span style={code}>{'{#ten}'}</span> và <span style={code}>{'{/ten}'}</span>. Mẫu có trường không có trong danh sách này sẽ bị từ chối.{' '}
        <a href={`/api/document-types/${type.code}/default.docx`}>Tải mẫu mặc định (.docx)</a>
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {type.fields.map((field) => (
            <tr key={field.name}>
              <td style={{ ...code, padding: '2px 12px 2px 0', verticalAlign: 'top', width: '16em' }}>{`{${field.name}}`}</td>
              <td style={{ padding: '2px 0' }}>{field.label}</td>
            </tr>
          ))}
          {type.loops.map((loop) => (
            <tr key={loop.name}>
              <td style={{ ...code, padding: '6px 12px 2px 0', verticalAlign: 'top' }}>{`{#${loop.name}}…{/${loop.name}}`}</td>
              <td style={{ padding: '6px 0 2px' }}>
                {loop.label}:{' '}
                {loop.fields.map((field, index) => (
                  <span key={field.name}>
                    {index > 0 ? '; ' : ''}
                    <span style={code}>{`{${field.name}}`}</span> {field.label}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
