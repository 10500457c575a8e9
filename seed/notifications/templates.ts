/**
 * The messages the product sends, one per event, as the admin first finds them in «Mẫu thông báo»
 * (collection `message-templates`) and may reword. `{{name}}` is replaced by the event's value
 * (escaped in the HTML body); a list (`{{missing}}`, `{{pending}}`) becomes bullet lines.
 * Every message names the unit, the round, its dates as dd/mm/yyyy and a link to the page to act on.
 */
import type { MessageTemplate } from '@criteria/notifications'

export type EventTemplate = MessageTemplate & { event: string; title: string; placeholders: readonly string[] }

const sign = { html: '<p style="color:#666">— Hệ thống đánh giá, công nhận Đơn vị học tập</p>', text: '— Hệ thống đánh giá, công nhận Đơn vị học tập' }
const button = (label: string) => `<p><a href="{{link}}">${label}</a></p>`

export const eventTemplates: readonly EventTemplate[] = [
  {
    event: 'round.opened',
    title: 'Mở đợt đánh giá (gửi cán bộ các đơn vị tham gia)',
    placeholders: ['unit', 'round', 'authority', 'deadline', 'link'],
    subject: 'Mở đợt đánh giá: {{round}}',
    html: `<p>Kính gửi {{unit}},</p><p>{{authority}} đã mở đợt <strong>{{round}}</strong>. Hạn nộp hồ sơ tự đánh giá: <strong>{{deadline}}</strong>.</p>${button('Lập hồ sơ tự đánh giá')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\n{{authority}} đã mở đợt {{round}}. Hạn nộp hồ sơ tự đánh giá: {{deadline}}.\n\nLập hồ sơ tự đánh giá: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.submitted',
    title: 'Đã nhận hồ sơ (gửi đơn vị)',
    placeholders: ['unit', 'round', 'submittedOn', 'link'],
    subject: 'Đã nhận hồ sơ tự đánh giá của {{unit}}',
    html: `<p>Kính gửi {{unit}},</p><p>Hồ sơ tự đánh giá của đơn vị trong đợt <strong>{{round}}</strong> đã được gửi ngày <strong>{{submittedOn}}</strong>. Cấp quản lý sẽ xem xét và tiếp nhận hoặc trả lại kèm lý do.</p>${button('Xem hồ sơ')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nHồ sơ tự đánh giá của đơn vị trong đợt {{round}} đã được gửi ngày {{submittedOn}}. Cấp quản lý sẽ xem xét và tiếp nhận hoặc trả lại kèm lý do.\n\nXem hồ sơ: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.submitted.authority',
    title: 'Có hồ sơ mới nộp (gửi cấp quản lý)',
    placeholders: ['unit', 'round', 'submittedOn', 'link'],
    subject: 'Hồ sơ mới: {{unit}} — {{round}}',
    html: `<p>{{unit}} đã nộp hồ sơ tự đánh giá đợt <strong>{{round}}</strong> ngày <strong>{{submittedOn}}</strong>, đang chờ tiếp nhận.</p>${button('Tiếp nhận hoặc trả lại hồ sơ')}${sign.html}`,
    text: `{{unit}} đã nộp hồ sơ tự đánh giá đợt {{round}} ngày {{submittedOn}}, đang chờ tiếp nhận.\n\nTiếp nhận hoặc trả lại hồ sơ: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.returned',
    title: 'Hồ sơ bị trả lại (gửi đơn vị)',
    placeholders: ['unit', 'round', 'reason', 'deadline', 'link'],
    subject: 'Hồ sơ bị trả lại: {{unit}} — {{round}}',
    html: `<p>Kính gửi {{unit}},</p><p>Hồ sơ tự đánh giá đợt <strong>{{round}}</strong> đã được trả lại để bổ sung.</p><p>Lý do: <strong>{{reason}}</strong></p><p>Đơn vị bổ sung và gửi lại trước hạn: {{deadline}}.</p>${button('Mở hồ sơ để bổ sung')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nHồ sơ tự đánh giá đợt {{round}} đã được trả lại để bổ sung.\nLý do: {{reason}}\nĐơn vị bổ sung và gửi lại trước hạn: {{deadline}}.\n\nMở hồ sơ để bổ sung: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.accepted',
    title: 'Hồ sơ được tiếp nhận (gửi đơn vị)',
    placeholders: ['unit', 'round', 'acceptedOn', 'link'],
    subject: 'Hồ sơ đã được tiếp nhận: {{unit}}',
    html: `<p>Kính gửi {{unit}},</p><p>Hồ sơ tự đánh giá đợt <strong>{{round}}</strong> đã được tiếp nhận ngày {{acceptedOn}} và chuyển đoàn đánh giá thẩm định.</p>${button('Xem hồ sơ')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nHồ sơ tự đánh giá đợt {{round}} đã được tiếp nhận ngày {{acceptedOn}} và chuyển đoàn đánh giá thẩm định.\n\nXem hồ sơ: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'review.assigned',
    title: 'Được phân công vào đoàn đánh giá (gửi từng thành viên)',
    placeholders: ['member', 'role', 'round', 'deadline', 'link'],
    subject: 'Phân công đoàn đánh giá: {{round}}',
    html: `<p>Kính gửi {{member}},</p><p>Anh/chị được phân công làm <strong>{{role}}</strong> của đoàn đánh giá đợt <strong>{{round}}</strong>. Hạn thẩm định: {{deadline}}.</p>${button('Xem các hồ sơ cần thẩm định')}${sign.html}`,
    text: `Kính gửi {{member}},\n\nAnh/chị được phân công làm {{role}} của đoàn đánh giá đợt {{round}}. Hạn thẩm định: {{deadline}}.\n\nXem các hồ sơ cần thẩm định: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'self-assessment.reviewed',
    title: 'Đoàn kết thúc thẩm định (gửi đơn vị)',
    placeholders: ['unit', 'round', 'outcome', 'link'],
    subject: 'Kết quả thẩm định: {{unit}}',
    html: `<p>Kính gửi {{unit}},</p><p>Đoàn đánh giá đã kết thúc thẩm định hồ sơ đợt <strong>{{round}}</strong>. Kết luận của đoàn: <strong>{{outcome}}</strong>. Kết quả chính thức theo quyết định công nhận.</p>${button('Xem hồ sơ')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nĐoàn đánh giá đã kết thúc thẩm định hồ sơ đợt {{round}}. Kết luận của đoàn: {{outcome}}. Kết quả chính thức theo quyết định công nhận.\n\nXem hồ sơ: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'decision.issued',
    title: 'Quyết định công nhận (gửi từng đơn vị được công nhận)',
    placeholders: ['unit', 'round', 'decision', 'signedOn', 'outcome', 'validUntil', 'link'],
    subject: 'Quyết định công nhận {{unit}}: {{outcome}}',
    html: `<p>Kính gửi {{unit}},</p><p>Quyết định số <strong>{{decision}}</strong> ngày {{signedOn}} công nhận đơn vị đạt <strong>{{outcome}}</strong> (đợt {{round}}). Hiệu lực đến hết ngày: <strong>{{validUntil}}</strong>.</p>${button('Xem quyết định')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nQuyết định số {{decision}} ngày {{signedOn}} công nhận đơn vị đạt {{outcome}} (đợt {{round}}). Hiệu lực đến hết ngày: {{validUntil}}.\n\nXem quyết định: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'recognition.expiring',
    title: 'Công nhận sắp hết hiệu lực (trong 6 tháng)',
    placeholders: ['unit', 'outcome', 'decision', 'validUntil', 'link'],
    subject: 'Công nhận {{outcome}} của {{unit}} hết hiệu lực ngày {{validUntil}}',
    html: `<p>Kính gửi {{unit}},</p><p>Công nhận <strong>{{outcome}}</strong> theo quyết định {{decision}} hết hiệu lực sau ngày <strong>{{validUntil}}</strong>. Đơn vị chuẩn bị hồ sơ đánh giá lại trong đợt tới.</p>${button('Xem sổ công nhận')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nCông nhận {{outcome}} theo quyết định {{decision}} hết hiệu lực sau ngày {{validUntil}}. Đơn vị chuẩn bị hồ sơ đánh giá lại trong đợt tới.\n\nXem sổ công nhận: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'deadline.extended',
    title: 'Gia hạn nộp hồ sơ (gửi đơn vị)',
    placeholders: ['unit', 'round', 'until', 'reason', 'link'],
    subject: 'Gia hạn nộp hồ sơ đến {{until}}: {{round}}',
    html: `<p>Kính gửi {{unit}},</p><p>Hạn nộp hồ sơ đợt <strong>{{round}}</strong> của đơn vị được gia hạn đến hết ngày <strong>{{until}}</strong>.</p><p>Lý do: {{reason}}</p>${button('Mở hồ sơ')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nHạn nộp hồ sơ đợt {{round}} của đơn vị được gia hạn đến hết ngày {{until}}.\nLý do: {{reason}}\n\nMở hồ sơ: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'reminder.submission',
    title: 'Nhắc hạn nộp hồ sơ (gửi đơn vị chưa nộp)',
    placeholders: ['unit', 'round', 'deadline', 'daysLeft', 'missing', 'link'],
    subject: 'Còn {{daysLeft}} ngày: hạn nộp hồ sơ {{round}} là {{deadline}}',
    html: `<p>Kính gửi {{unit}},</p><p>Hạn nộp hồ sơ tự đánh giá đợt <strong>{{round}}</strong> là <strong>{{deadline}}</strong> (còn {{daysLeft}} ngày). Hồ sơ của đơn vị chưa được gửi. Còn thiếu:</p>{{missing}}${button('Hoàn thiện và gửi hồ sơ')}${sign.html}`,
    text: `Kính gửi {{unit}},\n\nHạn nộp hồ sơ tự đánh giá đợt {{round}} là {{deadline}} (còn {{daysLeft}} ngày). Hồ sơ của đơn vị chưa được gửi. Còn thiếu:\n{{missing}}\n\nHoàn thiện và gửi hồ sơ: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'reminder.review',
    title: 'Nhắc thẩm định (gửi thành viên đoàn chưa gửi phiếu)',
    placeholders: ['member', 'round', 'deadline', 'daysLeft', 'pending', 'link'],
    subject: 'Còn {{daysLeft}} ngày: phiếu đánh giá đợt {{round}}',
    html: `<p>Kính gửi {{member}},</p><p>Hạn thẩm định đợt <strong>{{round}}</strong> là <strong>{{deadline}}</strong>. Các hồ sơ anh/chị chưa gửi phiếu đánh giá:</p>{{pending}}${button('Mở danh sách hồ sơ')}${sign.html}`,
    text: `Kính gửi {{member}},\n\nHạn thẩm định đợt {{round}} là {{deadline}}. Các hồ sơ anh/chị chưa gửi phiếu đánh giá:\n{{pending}}\n\nMở danh sách hồ sơ: {{link}}\n\n${sign.text}`,
  },
  {
    event: 'reminder.report-up',
    title: 'Nhắc hạn báo cáo cấp trên (gửi cấp quản lý)',
    placeholders: ['authority', 'round', 'recipient', 'deadline', 'daysLeft', 'link'],
    subject: 'Còn {{daysLeft}} ngày: báo cáo {{recipient}}, hạn {{deadline}}',
    html: `<p>Kính gửi {{authority}},</p><p>Đợt <strong>{{round}}</strong>: báo cáo kết quả gửi <strong>{{recipient}}</strong>, hạn <strong>{{deadline}}</strong> (còn {{daysLeft}} ngày).</p>${button('Mở đợt đánh giá')}${sign.html}`,
    text: `Kính gửi {{authority}},\n\nĐợt {{round}}: báo cáo kết quả gửi {{recipient}}, hạn {{deadline}} (còn {{daysLeft}} ngày).\n\nMở đợt đánh giá: {{link}}\n\n${sign.text}`,
  },
]

export const templateFor = (event: string): EventTemplate | undefined => eventTemplates.find((template) => template.event === event)
