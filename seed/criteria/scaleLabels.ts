/** What the admin and the self-assessment form show for each rank code of the seeded scales. */
export const scaleLabels: Record<string, string> = {
  'chua-dap-ung': 'Chưa đáp ứng',
  'dap-ung': 'Đáp ứng',
  'dap-ung-co-ban': 'Đáp ứng cơ bản',
  khong: 'Chưa có danh hiệu',
  'tap-the-lao-dong-tien-tien': 'Tập thể lao động tiên tiến',
  'tap-the-lao-dong-xuat-sac': 'Tập thể lao động xuất sắc',
}
