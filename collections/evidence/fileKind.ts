/**
 * Which evidence files are accepted: PDF, DOCX, XLSX, JPEG and PNG, recognised by their first bytes
 * and their name together (a renamed .exe is not a PDF; a .docx is a ZIP whose name says Word).
 */
export const evidenceKinds = [
  { ext: ['pdf'], label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46], mime: 'application/pdf' },
  { ext: ['docx'], label: 'Word (DOCX)', magic: [0x50, 0x4b, 0x03, 0x04], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { ext: ['xlsx'], label: 'Excel (XLSX)', magic: [0x50, 0x4b, 0x03, 0x04], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { ext: ['jpg', 'jpeg'], label: 'JPEG', magic: [0xff, 0xd8, 0xff], mime: 'image/jpeg' },
  { ext: ['png'], label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47], mime: 'image/png' },
] as const

export const acceptedMimeTypes = evidenceKinds.map((kind) => kind.mime)

export const acceptedKindsText = 'PDF, DOCX, XLSX, JPEG, PNG'

/** The accepted kind of a file from its name and first bytes, or null. */
export const detectEvidenceKind = ({ name, head }: { name: string; head: Uint8Array }) => {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  return evidenceKinds.find((kind) => (kind.ext as readonly string[]).includes(ext) && kind.magic.every((byte, index) => head[index] === byte)) ?? null
}

/** The configured limit in bytes: EVIDENCE_MAX_MB (default 20). */
export const maxEvidenceBytes = (env: Record<string, string | undefined> = process.env) => {
  const megabytes = Number(env.EVIDENCE_MAX_MB ?? 20)
  return (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 20) * 1024 * 1024
}

export const formatMegabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
