/**
 * Memory of a server's process tree, read from /proc: the resident set of the process and every
 * descendant (the embedded database runs as a child), sampled every 100 ms for the peak, and each
 * process's own high-water mark (VmHWM) for what the sampling may have missed between two reads.
 */
import fs from 'node:fs'

const readStatus = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  } catch {
    return ''
  }
}

const kbField = ({ status, field }: { status: string; field: string }) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)

/** The pid and all its descendants, from each process's parent in /proc/<pid>/stat. */
export const processTree = (root: number): number[] => {
  const children = new Map<number, number[]>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat = ''
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue
    }
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    children.set(parent, [...(children.get(parent) ?? []), Number(name)])
  }
  const tree: number[] = []
  const visit = (pid: number) => {
    tree.push(pid)
    for (const child of children.get(pid) ?? []) visit(child)
  }
  visit(root)
  return tree
}

export type Memory = { rssMb: number; hwmMb: number; processes: number }

/** Now: the tree's summed VmRSS, and the sum of each process's VmHWM (an upper bound of the peak). */
export const treeMemory = (root: number): Memory => {
  const statuses = processTree(root).map(readStatus).filter(Boolean)
  const sum = (field: string) => statuses.reduce((total, status) => total + kbField({ field, status }), 0) / 1024
  return { hwmMb: Math.round(sum('VmHWM')), processes: statuses.length, rssMb: Math.round(sum('VmRSS')) }
}

/** Samples the tree every `everyMs` until stopped; the highest summed RSS seen and the last HWM. */
export const sampleMemory = ({ root, everyMs = 100 }: { root: number; everyMs?: number }) => {
  let peakRssMb = 0
  let last: Memory = { hwmMb: 0, processes: 0, rssMb: 0 }
  const read = () => {
    last = treeMemory(root)
    peakRssMb = Math.max(peakRssMb, last.rssMb)
  }
  read()
  const timer = setInterval(read, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      read()
      return { hwmMb: last.hwmMb, peakRssMb, processes: last.processes }
    },
  }
}
