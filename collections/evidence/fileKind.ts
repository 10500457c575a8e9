/**
 * Which evidence files are accepted: PDF, DOCX, XLSX, JPEG and PNG, recognised by their first bytes
 * and their name together (a renamed .exe is not a PDF). A DOCX or XLSX is a ZIP that must also hold
 * the document's main part, whose name ZIP stores uncompressed (`word/document.xml`, `xl/workbook.xml`).
 */
type EvidenceKind = { ext: readonly string[]; label: string; magic: readonly number[]; mime: string; part?: string }

export const evidenceKinds: readonly EvidenceKind[] = [
  { ext: ['pdf'], label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46], mime: 'application/pdf' },
  { ext: ['docx'], label: 'Word (DOCX)', magic: [0x50, 0x4b, 0x03, 0x04], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', part: 'word/document.xml' },
  { ext: ['xlsx'], label: 'Excel (XLSX)', magic: [0x50, 0x4b, 0x03, 0x04], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', part: 'xl/workbook.xml' },
  { ext: ['jpg', 'jpeg'], label: 'JPEG', magic: [0xff, 0xd8, 0xff], mime: 'image/jpeg' },
  { ext: ['png'], label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47], mime: 'image/png' },
]

export const acceptedMimeTypes = evidenceKinds.map((kind) => kind.mime)

export const acceptedKindsText = 'PDF, DOCX, XLSX, JPEG, PNG'

/** The accepted kind of a file from its name and content, or null. */
export const detectEvidenceKind = ({ name, data }: { name: string; data: Buffer }) => {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  return (
    evidenceKinds.find(
      (kind) => kind.ext.includes(ext) && kind.magic.every((byte, index) => data[index] === byte) && (!kind.part || data.includes(kind.part, 0, 'latin1')),
    ) ?? null
  )
}

/** The configured limit in bytes: EVIDENCE_MAX_MB (default 20). */
export const maxEvidenceBytes = (env: Record<string, string | undefined> = process.env) => {
  const megabytes = Number(env.EVIDENCE_MAX_MB ?? 20)
  return (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 20) * 1024 * 1024
}

/** Two decimals, so that a limit such as 0,25 MB, or a file just over 20 MB, is not shown rounded to the limit. */
export const formatMegabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} MB`
