/**
 * The key a client is counted under: its IPv4 address, or the /64 prefix of its IPv6 address
 * (one subscriber usually holds a whole /64 and could otherwise rotate through it).
 * IPv4-mapped IPv6 (`::ffff:1.2.3.4`) counts as the IPv4 address.
 */
import { isIPv4, isIPv6 } from 'node:net'

const expandIPv6 = (address: string) => {
  const [head = '', tail] = address.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const missing = 8 - headGroups.length - tailGroups.length
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups]
  return groups.map((group) => group.padStart(4, '0').toLowerCase())
}

export const clientKey = (address: string | undefined) => {
  if (!address) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (isIPv4(address)) return address
  const bare = address.split('%')[0] ?? address // drop a zone index
  if (!isIPv6(bare) || bare.includes('.')) return address
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`
}
