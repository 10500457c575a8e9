/**
 * Sends a REST-shaped update through GraphQL: the collection's update mutation, with the data
 * turned into the mutation's input (select values become GraphQL enum names, e.g. `in-review` →
 * `in_review`), learnt once by introspection.
 */
import type { GraphqlResponse } from './graphql'

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
type InputType = Map<string, { kind: string; name: string | null; isList: boolean }>

const singular: Record<string, string> = {
  'audit-events': 'AuditEvent',
  authorities: 'Authority',
  'criteria-sets': 'CriteriaSet',
  decisions: 'Decision',
  evidence: 'Evidence',
  'file-tasks': 'FileTask',
  holidays: 'Holiday',
  'legal-documents': 'LegalDocument',
  'document-templates': 'DocumentTemplate',
  'message-templates': 'MessageTemplate',
  outbox: 'Outbox',
  recognitions: 'Recognition',
  reviews: 'Review',
  rounds: 'Round',
  'self-assessments': 'SelfAssessment',
  tiers: 'Tier',
  'unit-types': 'UnitType',
  units: 'Unit',
  users: 'User',
}

/** GraphQL enum names of select values (Payload's rule: separators become `_`, a leading digit gets `_`). */
export const enumName = (value: string) => (/^\d/.test(value) ? `_${value}` : value).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[.\-/+,()'[\]]/g, '_').replace(/ /g, '')

const unwrap = (type: TypeRef): { kind: string; name: string | null; isList: boolean } => {
  let current: TypeRef | null = type
  let isList = false
  while (current && (current.kind === 'NON_NULL' || current.kind === 'LIST')) {
    if (current.kind === 'LIST') isList = true
    current = current.ofType
  }
  return { isList, kind: current?.kind ?? 'SCALAR', name: current?.name ?? null }
}

const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'

export const createGraphqlUpdater = ({ graphql }: { graphql: (args: { query: string; variables?: Record<string, unknown>; token?: string }) => Promise<GraphqlResponse> }) => {
  let types: Map<string, InputType> | null = null
  const load = async () => {
    if (types) return types
    const response = await graphql({ query: `{ __schema { types { name kind inputFields { name type { ${typeRef} } } } } }` })
    types = new Map()
    for (const type of response.data.__schema.types as { name: string; kind: string; inputFields: { name: string; type: TypeRef }[] | null }[]) {
      if (type.kind !== 'INPUT_OBJECT' || !type.inputFields) continue
      types.set(type.name, new Map(type.inputFields.map((field) => [field.name, unwrap(field.type)])))
    }
    return types
  }
  /**
   * `keepUnknown`: keys the input type lacks are sent as they are (at the top level), so that
   * GraphQL itself refuses a field its update input does not have instead of the key being dropped
   * and the request passing for a write of nothing.
   */
  const encode = ({ value, typeName, all, keepUnknown = false }: { value: unknown; typeName: string; all: Map<string, InputType>; keepUnknown?: boolean }): unknown => {
    const fields = all.get(typeName)
    if (!fields || !value || typeof value !== 'object' || Array.isArray(value)) return value
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => keepUnknown || fields.has(key))
        .map(([key, inner]) => {
          const field = fields.get(key)
          if (!field) return [key, inner]
          const one = (item: unknown) =>
            field.kind === 'ENUM' && typeof item === 'string' ? enumName(item) : field.kind === 'INPUT_OBJECT' && field.name ? encode({ all, typeName: field.name, value: item }) : item
          return [key, Array.isArray(inner) ? inner.map(one) : one(inner)]
        }),
    )
  }
  /** Fields of `data` the mutation's input does not have at all (refused by GraphQL itself). */
  const unknownFields = async ({ collection, data }: { collection: string; data: Record<string, unknown> }) => {
    const all = await load()
    const fields = all.get(`mutation${singular[collection]}UpdateInput`)
    return Object.keys(data).filter((key) => !fields?.has(key))
  }
  /** `id`: a number, or the code of a catalogue row whose code is its id (a text id: `String!`). */
  const update = async ({ collection, id, data, token, draft }: { collection: string; id: number | string; data: Record<string, unknown>; token?: string; draft?: boolean }) => {
    const all = await load()
    const name = singular[collection]
    const inputType = `mutation${name}UpdateInput`
    // a request GraphQL refuses for its own shape would pass for a refused write: fail loudly instead
    if (!all.has(inputType)) throw new Error(`No GraphQL input type ${inputType} for ${collection}`)
    return graphql({
      query: `mutation Update($id: ${typeof id === 'string' ? 'String' : 'Int'}!, $data: ${inputType}!, $draft: Boolean) { update${name}(id: $id, data: $data, draft: $draft) { id } }`,
      token,
      variables: { data: encode({ all, keepUnknown: true, typeName: inputType, value: data }), draft: draft ?? null, id },
    })
  }
  return { unknownFields, update }
}
