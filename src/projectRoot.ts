/**
 * The project's root folder (the nearest one above with a package.json), whether the code runs
 * from its source file or bundled into dist/ or dist/chunks/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const findProjectRoot = (moduleUrl: string) => {
  let dir = path.dirname(fileURLToPath(moduleUrl))
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return dir
}
