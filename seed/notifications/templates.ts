/**
 * The messages the product sends, one per event, as the admin first finds them in «Mẫu thông báo»
 * (collection `message-templates`) and may reword. `{{name}}` is replaced by the event's value
 * (escaped in the HTML body); a list (`{{conThieu}}`, `{{hoSoCho}}`) becomes bullet lines.
 * Every message names the unit, the round, its dates as dd/mm/yyyy and a link to the page to act on.
 */
import type { MessageTemplate } from '@criteria/notifications'

export type EventTemplate = MessageTemplate & { event: string; title: string; placeholders: readonly string[] }

const sign = { html: '<p style="color:#666">— Hệ thống đánh giá, công nhận Đơn vị học tập</p>', text: '— Hệ thống đánh giá, công nhận Đơn vị học tập' }
const button = (label: string) => `<p><a href="{{duongDan}}">${label}</a></p>`

export const eventTemplates: readonly EventTemplate[] = [
  {
    event: 'round.opened',
    title: 'Mở đợt đánh giá (gửi cán bộ các đơn vị tham gia)',
    placeholders: ['donVi', 'dot', 'capQuanLy', 'han', 'duongDan'],
    subject: 'Mở đợt đánh giá: {{dot}}',
    html: `<p>Kính gửi {{donVi}},</p><p>{{capQuanLy}} đã mở đợt <strong>{{dot}}</strong>. Hạn nộp hồ sơ tự đánh giá: <strong>{{han}}</strong>.</p>${button('Lập hồ sơ tự đánh giá')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\n{{capQuanLy}} đã mở đợt {{dot}}. Hạn nộp hồ sơ tự đánh giá: {{han}}.\n\nLập hồ sơ tự đánh giá: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.submitted',
    title: 'Đã nhận hồ sơ (gửi đơn vị)',
    placeholders: ['donVi', 'dot', 'ngayNop', 'duongDan'],
    subject: 'Đã nhận hồ sơ tự đánh giá của {{donVi}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Hồ sơ tự đánh giá của đơn vị trong đợt <strong>{{dot}}</strong> đã được gửi ngày <strong>{{ngayNop}}</strong>. Cấp quản lý sẽ xem xét và tiếp nhận hoặc trả lại kèm lý do.</p>${button('Xem hồ sơ')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nHồ sơ tự đánh giá của đơn vị trong đợt {{dot}} đã được gửi ngày {{ngayNop}}. Cấp quản lý sẽ xem xét và tiếp nhận hoặc trả lại kèm lý do.\n\nXem hồ sơ: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.submitted.authority',
    title: 'Có hồ sơ mới nộp (gửi cấp quản lý)',
    placeholders: ['donVi', 'dot', 'ngayNop', 'duongDan'],
    subject: 'Hồ sơ mới: {{donVi}} — {{dot}}',
    html: `<p>{{donVi}} đã nộp hồ sơ tự đánh giá đợt <strong>{{dot}}</strong> ngày <strong>{{ngayNop}}</strong>, đang chờ tiếp nhận.</p>${button('Tiếp nhận hoặc trả lại hồ sơ')}${sign.html}`,
    text: `{{donVi}} đã nộp hồ sơ tự đánh giá đợt {{dot}} ngày {{ngayNop}}, đang chờ tiếp nhận.\n\nTiếp nhận hoặc trả lại hồ sơ: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.returned',
    title: 'Hồ sơ bị trả lại (gửi đơn vị)',
    placeholders: ['donVi', 'dot', 'lyDo', 'han', 'duongDan'],
    subject: 'Hồ sơ bị trả lại: {{donVi}} — {{dot}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Hồ sơ tự đánh giá đợt <strong>{{dot}}</strong> đã được trả lại để bổ sung.</p><p>Lý do: <strong>{{lyDo}}</strong></p><p>Hạn gửi lại: {{han}}.</p>${button('Mở hồ sơ để bổ sung')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nHồ sơ tự đánh giá đợt {{dot}} đã được trả lại để bổ sung.\nLý do: {{lyDo}}\nHạn gửi lại: {{han}}.\n\nMở hồ sơ để bổ sung: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.accepted',
    title: 'Hồ sơ được tiếp nhận (gửi đơn vị)',
    placeholders: ['donVi', 'dot', 'ngayTiepNhan', 'thoiHanGiaiQuyet', 'duongDan'],
    subject: 'Hồ sơ đã được tiếp nhận: {{donVi}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Hồ sơ tự đánh giá đợt <strong>{{dot}}</strong> đã được tiếp nhận ngày {{ngayTiepNhan}} và chuyển đoàn đánh giá thẩm định.</p><p>{{thoiHanGiaiQuyet}}</p>${button('Xem hồ sơ')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nHồ sơ tự đánh giá đợt {{dot}} đã được tiếp nhận ngày {{ngayTiepNhan}} và chuyển đoàn đánh giá thẩm định.\n{{thoiHanGiaiQuyet}}\n\nXem hồ sơ: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'review.assigned',
    title: 'Được phân công vào đoàn đánh giá (gửi từng thành viên)',
    placeholders: ['nguoiNhan', 'vaiTro', 'dot', 'han', 'duongDan'],
    subject: 'Phân công đoàn đánh giá: {{dot}}',
    html: `<p>Kính gửi {{nguoiNhan}},</p><p>Anh/chị được phân công làm <strong>{{vaiTro}}</strong> của đoàn đánh giá đợt <strong>{{dot}}</strong>. Hạn thẩm định: {{han}}.</p>${button('Xem các hồ sơ cần thẩm định')}${sign.html}`,
    text: `Kính gửi {{nguoiNhan}},\n\nAnh/chị được phân công làm {{vaiTro}} của đoàn đánh giá đợt {{dot}}. Hạn thẩm định: {{han}}.\n\nXem các hồ sơ cần thẩm định: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.reviewed',
    title: 'Đoàn kết thúc thẩm định (gửi đơn vị)',
    placeholders: ['donVi', 'dot', 'ketQua', 'duongDan'],
    subject: 'Kết quả thẩm định: {{donVi}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Đoàn đánh giá đã kết thúc thẩm định hồ sơ đợt <strong>{{dot}}</strong>. Kết luận của đoàn: <strong>{{ketQua}}</strong>. Kết quả chính thức theo quyết định công nhận.</p>${button('Xem hồ sơ')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nĐoàn đánh giá đã kết thúc thẩm định hồ sơ đợt {{dot}}. Kết luận của đoàn: {{ketQua}}. Kết quả chính thức theo quyết định công nhận.\n\nXem hồ sơ: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'decision.issued',
    title: 'Quyết định công nhận (gửi từng đơn vị được công nhận)',
    placeholders: ['donVi', 'dot', 'soQuyetDinh', 'ngayKy', 'ketQua', 'hieuLucDen', 'duongDan'],
    subject: 'Quyết định công nhận {{donVi}}: {{ketQua}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Quyết định số <strong>{{soQuyetDinh}}</strong> ngày {{ngayKy}} công nhận đơn vị đạt <strong>{{ketQua}}</strong> (đợt {{dot}}). Hiệu lực đến hết ngày: <strong>{{hieuLucDen}}</strong>.</p>${button('Xem quyết định')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nQuyết định số {{soQuyetDinh}} ngày {{ngayKy}} công nhận đơn vị đạt {{ketQua}} (đợt {{dot}}). Hiệu lực đến hết ngày: {{hieuLucDen}}.\n\nXem quyết định: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'recognition.expiring',
    title: 'Công nhận sắp hết hiệu lực (trong 6 tháng)',
    placeholders: ['donVi', 'ketQua', 'soQuyetDinh', 'hieuLucDen', 'duongDan'],
    subject: 'Công nhận {{ketQua}} của {{donVi}} hết hiệu lực ngày {{hieuLucDen}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Công nhận <strong>{{ketQua}}</strong> theo quyết định {{soQuyetDinh}} hết hiệu lực sau ngày <strong>{{hieuLucDen}}</strong>. Đơn vị chuẩn bị hồ sơ đánh giá lại trong đợt tới.</p>${button('Xem sổ công nhận')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nCông nhận {{ketQua}} theo quyết định {{soQuyetDinh}} hết hiệu lực sau ngày {{hieuLucDen}}. Đơn vị chuẩn bị hồ sơ đánh giá lại trong đợt tới.\n\nXem sổ công nhận: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'deadline.extended',
    title: 'Gia hạn nộp hồ sơ (gửi đơn vị)',
    placeholders: ['donVi', 'dot', 'giaHanDen', 'lyDo', 'duongDan'],
    subject: 'Gia hạn nộp hồ sơ đến {{giaHanDen}}: {{dot}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Hạn nộp hồ sơ đợt <strong>{{dot}}</strong> của đơn vị được gia hạn đến hết ngày <strong>{{giaHanDen}}</strong>.</p><p>Lý do: {{lyDo}}</p>${button('Mở hồ sơ')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nHạn nộp hồ sơ đợt {{dot}} của đơn vị được gia hạn đến hết ngày {{giaHanDen}}.\nLý do: {{lyDo}}\n\nMở hồ sơ: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'reminder.submission',
    title: 'Nhắc hạn nộp hồ sơ (gửi đơn vị chưa nộp)',
    placeholders: ['donVi', 'dot', 'han', 'soNgayConLai', 'conThieu', 'duongDan'],
    subject: 'Còn {{soNgayConLai}} ngày: hạn nộp hồ sơ {{dot}} là {{han}}',
    html: `<p>Kính gửi {{donVi}},</p><p>Hạn nộp hồ sơ tự đánh giá đợt <strong>{{dot}}</strong> là <strong>{{han}}</strong> (còn {{soNgayConLai}} ngày). Hồ sơ của đơn vị chưa được gửi. Còn thiếu:</p>{{conThieu}}${button('Hoàn thiện và gửi hồ sơ')}${sign.html}`,
    text: `Kính gửi {{donVi}},\n\nHạn nộp hồ sơ tự đánh giá đợt {{dot}} là {{han}} (còn {{soNgayConLai}} ngày). Hồ sơ của đơn vị chưa được gửi. Còn thiếu:\n{{conThieu}}\n\nHoàn thiện và gửi hồ sơ: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'reminder.review',
    title: 'Nhắc thẩm định (gửi thành viên đoàn chưa gửi phiếu)',
    placeholders: ['nguoiNhan', 'dot', 'han', 'soNgayConLai', 'hoSoCho', 'duongDan'],
    subject: 'Còn {{soNgayConLai}} ngày: phiếu đánh giá đợt {{dot}}',
    html: `<p>Kính gửi {{nguoiNhan}},</p><p>Hạn thẩm định đợt <strong>{{dot}}</strong> là <strong>{{han}}</strong>. Các hồ sơ anh/chị chưa gửi phiếu đánh giá:</p>{{hoSoCho}}${button('Mở danh sách hồ sơ')}${sign.html}`,
    text: `Kính gửi {{nguoiNhan}},\n\nHạn thẩm định đợt {{dot}} là {{han}}. Các hồ sơ anh/chị chưa gửi phiếu đánh giá:\n{{hoSoCho}}\n\nMở danh sách hồ sơ: {{duongDan}}\n\n${sign.text}`,
  },
  {
    event: 'reminder.report-up',
    title: 'Nhắc hạn báo cáo cấp trên (gửi cấp quản lý)',
    placeholders: ['capQuanLy', 'dot', 'noiBaoCao', 'han', 'soNgayConLai', 'duongDan'],
    subject: 'Còn {{soNgayConLai}} ngày: báo cáo {{noiBaoCao}}, hạn {{han}}',
    html: `<p>Kính gửi {{capQuanLy}},</p><p>Đợt <strong>{{dot}}</strong>: báo cáo kết quả gửi <strong>{{noiBaoCao}}</strong>, hạn <strong>{{han}}</strong> (còn {{soNgayConLai}} ngày).</p>${button('Mở đợt đánh giá')}${sign.html}`,
    text: `Kính gửi {{capQuanLy}},\n\nĐợt {{dot}}: báo cáo kết quả gửi {{noiBaoCao}}, hạn {{han}} (còn {{soNgayConLai}} ngày).\n\nMở đợt đánh giá: {{duongDan}}\n\n${sign.text}`,
  },
]

export const templateFor = (event: string): EventTemplate | undefined => eventTemplates.find((template) => template.event === event)
