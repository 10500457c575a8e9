/**
 * Checks a template's placeholders against its document type's data model, so that an upload with
 * a name the data does not have is refused naming it, instead of printing an empty gap in every
 * paper. The shell parses the DOCX (docxtemplater) into a tree of tags; this only walks names.
 */
import type { DocumentType } from './types'

/** A tag as the template uses it: `{name}`, or a section `{#name}…{/name}` / `{^name}…{/name}` with the tags inside. */
export type TemplateTag = { name: string; isSection: boolean; children: TemplateTag[] }

export type PlaceholderProblem = { name: string; message: string }

type Scope = { fields: Set<string>; loops: Map<string, Set<string>> }

const walk = ({ tags, scopes, problems, where }: { tags: TemplateTag[]; scopes: Scope[]; problems: PlaceholderProblem[]; where: string }) => {
  for (const tag of tags) {
    const loop = scopes.map((scope) => scope.loops.get(tag.name)).find(Boolean)
    const isField = scopes.some((scope) => scope.fields.has(tag.name))
    if (loop) {
      if (!tag.isSection) {
        problems.push({ message: `«{${tag.name}}» là một danh sách: dùng {#${tag.name}}…{/${tag.name}}.`, name: tag.name })
        continue
      }
      walk({ problems, scopes: [{ fields: loop, loops: new Map() }, ...scopes], tags: tag.children, where: `trong danh sách «${tag.name}»` })
    } else if (isField) {
      // a section on a plain value is a condition: its content sees the same names
      walk({ problems, scopes, tags: tag.children, where })
    } else {
      problems.push({ message: `Mẫu có trường «{${tag.name}}» không có ${where} của loại văn bản này.`, name: tag.name })
      walk({ problems, scopes, tags: tag.children, where })
    }
  }
}

/** Every placeholder the data model does not have, each named once, in the template's order. */
export const checkPlaceholders = ({ tags, type }: { tags: TemplateTag[]; type: DocumentType }): PlaceholderProblem[] => {
  const problems: PlaceholderProblem[] = []
  const top: Scope = {
    fields: new Set(type.fields.map((field) => field.name)),
    loops: new Map(type.loops.map((loop) => [loop.name, new Set(loop.fields.map((field) => field.name))])),
  }
  walk({ problems, scopes: [top], tags, where: 'trong dữ liệu' })
  const seen = new Set<string>()
  return problems.filter((problem) => (seen.has(problem.message) ? false : (seen.add(problem.message), true)))
}
