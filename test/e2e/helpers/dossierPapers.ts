/**
 * The unit's papers for its dossier's checklist slots (Tờ trình, Báo cáo tự đánh giá…), uploaded as
 * its evidence and attached to every slot over REST, as the clerk would in the form: the browser
 * tests about answers and decisions then submit a complete dossier.
 */
import { pdfBytes } from '../../int/helpers/files'

const pdf = (note: string) => new Blob([pdfBytes(note)], { type: 'application/pdf' })

export const attachDossierPapers = async ({ url, token, selfAssessmentId }: { url: string; token: string; selfAssessmentId: number | string }) => {
  const headers = { Authorization: `JWT ${token}` }
  const dossier = await (await fetch(`${url}/api/self-assessments/${selfAssessmentId}?depth=0`, { headers })).json()
  const slots = (dossier.dossierFiles ?? []) as { id: string; title: string; files?: unknown[] | null }[]
  const attached = []
  for (const slot of slots) {
    const form = new FormData()
    form.append('file', pdf(`${selfAssessmentId}-${slot.id}`), `${slot.title.slice(0, 40).replace(/[^\p{L}\p{N} ]/gu, '')}.pdf`)
    form.append('_payload', JSON.stringify({ title: slot.title }))
    const response = await fetch(`${url}/api/evidence?depth=0`, { body: form, headers, method: 'POST' })
    if (response.status !== 201) throw new Error(`tải lên «${slot.title}»: ${response.status} ${await response.text()}`)
    attached.push({ ...slot, files: [(await response.json()).doc.id] })
  }
  const response = await fetch(`${url}/api/self-assessments/${selfAssessmentId}?depth=0`, {
    body: JSON.stringify({ dossierFiles: attached }),
    headers: { ...headers, 'Content-Type': 'application/json' },
    method: 'PATCH',
  })
  if (response.status !== 200) throw new Error(`đính kèm thành phần hồ sơ: ${response.status} ${await response.text()}`)
  return attached.length
}
