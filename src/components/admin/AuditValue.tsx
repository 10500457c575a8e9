/**
 * The audit trail's codes in words (criteria/auditLabels.ts), in its list and on an event's page:
 * the action ("Tiếp nhận hồ sơ", not `accept`), the kind of record, and the from/to values (a
 * status by its name, a day as dd/mm/yyyy, a confirmed rank threshold by its level's name).
 */
import type { DefaultServerCellComponentProps, Payload, TextFieldServerComponent } from 'payload'
import { FieldLabel } from '@payloadcms/ui'
import { cache } from 'react'

import { auditActionLabel, auditRecordLabel, auditValueLabel, isThresholdAction } from '@criteria/auditLabels'

import { rowItemStyle } from './rowItemStyle'

type AuditRow = { action?: string | null; collection?: string | null; docId?: string | null }

/**
 * The level names of a criteria set's rank scales, read once per request. The audit row naming the
 * set has passed its own read access; only the names of the set's scale levels are read for it.
 */
const scaleLabelsOf = cache(async (payload: Payload, setId: string): Promise<Map<string, string>> => {
  const set = await payload
    .findByID({ collection: 'criteria-sets', depth: 0, disableErrors: true, draft: true, id: setId, overrideAccess: true, select: { criteria: { indicators: { scale: true } } } })
    .catch(() => null)
  const labels = new Map<string, string>()
  for (const criterion of set?.criteria ?? []) {
    for (const indicator of criterion.indicators ?? []) for (const step of indicator.scale ?? []) if (step.label) labels.set(step.code, step.label)
  }
  return labels
})

/** One audit field's value in words; `name` is the field (action, collection, from, to). */
export const auditText = async ({ name, payload, row, value }: { name: string; payload: Payload; row: AuditRow; value: unknown }): Promise<string> => {
  if (typeof value !== 'string' || value === '') return ''
  if (name === 'action') return auditActionLabel(value)
  if (name === 'collection') return auditRecordLabel(value)
  const action = row.action ?? ''
  const labels = isThresholdAction(action) && row.collection === 'criteria-sets' && /^\d+$/.test(row.docId ?? '') ? await scaleLabelsOf(payload, row.docId as string) : undefined
  return auditValueLabel({ action, rankLabel: labels ? (code) => labels.get(code) : undefined, value })
}

/** The list's cell. */
export const AuditValueCell = async ({ cellData, field, payload, rowData }: DefaultServerCellComponentProps) => {
  const name = 'name' in field ? field.name : ''
  return <span>{await auditText({ name, payload, row: rowData as AuditRow, value: cellData })}</span>
}

/** The event page's field: read-only, as every audit field is. */
export const AuditValueField: TextFieldServerComponent = async ({ clientField, data, field, payload }) => {
  const text = await auditText({ name: field.name, payload, row: (data ?? {}) as AuditRow, value: data?.[field.name] })
  return (
    <div className="field-type text read-only" style={rowItemStyle(clientField)}>
      <FieldLabel label={clientField.label} path={field.name} />
      <div className="field-type__wrap">
        <input disabled id={`field-${field.name}`} name={field.name} readOnly type="text" value={text} />
      </div>
    </div>
  )
}
