/** «Gửi lại»: the admin puts a failed (or not sent) message back in the queue with a fresh count of attempts. */
import type { Endpoint } from 'payload'

import { isAdmin } from '../access/roles'

export const resendEndpoint: Endpoint = {
  handler: async (req) => {
    if (!isAdmin(req.user)) return Response.json({ errors: [{ message: 'Chỉ quản trị hệ thống được gửi lại thư.', path: '' }] }, { status: 403 })
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0) return Response.json({ errors: [{ message: 'Không tìm thấy thông báo.', path: 'id' }] }, { status: 404 })
    const { docs } = await req.payload.find({ collection: 'outbox', depth: 0, limit: 1, overrideAccess: true, pagination: false, req, where: { id: { equals: id } } })
    const row = docs[0]
    if (!row) return Response.json({ errors: [{ message: 'Không tìm thấy thông báo.', path: 'id' }] }, { status: 404 })
    if (row.status !== 'failed' && row.status !== 'not-sent') {
      return Response.json({ errors: [{ message: 'Chỉ gửi lại được thư gửi lỗi hoặc chưa gửi.', path: 'status' }] }, { status: 409 })
    }
    const doc = await req.payload.update({
      collection: 'outbox',
      data: { attempts: 0, lastError: null, nextAttemptAt: null, status: 'queued' },
      depth: 0,
      id,
      overrideAccess: true,
      req,
    })
    return Response.json({ doc, message: 'Đã đưa thư vào hàng đợi gửi lại.' })
  },
  method: 'post',
  path: '/:id/resend',
}
