/** Small well-formed files for evidence uploads in the integration tests. */

/** A minimal well-formed PDF; `note` (a comment) makes its bytes unique. */
export const pdfBytes = (note = '') =>
  new Uint8Array(
    Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
        `%${note}\n` +
        'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n',
      'latin1',
    ),
  )

/** A PDF as the Local API takes an upload. */
export const pdfUpload = ({ name, note = name }: { name: string; note?: string }) => {
  const data = Buffer.from(pdfBytes(note))
  return { data, mimetype: 'application/pdf', name, size: data.length }
}
