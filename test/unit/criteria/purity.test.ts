/** The core's boundary (DESIGN.md): criteria/ imports only zod and itself, reads no clock, and never switches on a kind. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const criteriaDir = fileURLToPath(new URL('../../../criteria/', import.meta.url))
const sourceFiles = readdirSync(criteriaDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(path.join(criteriaDir, file), 'utf8') }))

describe('criteria/ stays pure', () => {
  it('has source files to check', () => {
    expect(sourceFiles.length).toBeGreaterThan(5)
  })

  it.each(sourceFiles)('$file imports only zod and relative modules', ({ text }) => {
    const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'/g), ...text.matchAll(/\bimport\s*\(\s*'([^']+)'/g)].map((match) => match[1])
    for (const specifier of specifiers) expect(specifier === 'zod' || specifier.startsWith('./') || specifier.startsWith('../'), specifier).toBe(true)
  })

  it.each(sourceFiles)('$file reads no clock and no environment', ({ text }) => {
    expect(text).not.toMatch(/new Date\b|Date\.now|performance\.now|process\./)
  })

  it.each(sourceFiles)('$file does not switch on a kind', ({ text }) => {
    expect(text).not.toMatch(/\bswitch\s*\(/)
    expect(text).not.toMatch(/measure\s*===|model\s*===/)
  })
})
