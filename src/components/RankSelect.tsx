'use client'
/** The answer of a rank indicator: a select of the steps of that indicator's own scale (low to high). */
import { FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

type Step = { code: string; label?: string | null }

export const RankSelect: TextFieldClientComponent = ({ path, field }) => {
  const { setValue, value, showError, errorMessage } = useField<string | null>({ path })
  const scalePath = `${path.slice(0, path.lastIndexOf('.'))}.scale`
  const scale = useFormFields(([fields]) => fields[scalePath]?.value) as Step[] | null | undefined
  const steps = Array.isArray(scale) ? scale : []
  return (
    <div className="field-type rank-select" style={{ marginBottom: 16 }}>
      <FieldLabel htmlFor={`field-${path}`} label={field?.label ?? 'Mức đạt được'} path={path} />
      <select
        id={`field-${path}`}
        name={path}
        onChange={(event) => setValue(event.target.value === '' ? null : event.target.value)}
        style={{ minWidth: 280, padding: '6px 8px' }}
        value={value ?? ''}
      >
        <option value="">— Chưa chọn —</option>
        {steps.map((step) => (
          <option key={step.code} value={step.code}>
            {step.label || step.code}
          </option>
        ))}
      </select>
      {showError && errorMessage ? <p className="field-error" role="alert" style={{ color: 'var(--theme-error-500)' }}>{errorMessage}</p> : null}
    </div>
  )
}
