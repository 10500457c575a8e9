/**
 * Corrections to Payload's own Vietnamese texts where it leaves English words on screen
 * ("Bật/tắt block", "Chọn một file", "Collections"): merged over @payloadcms/translations' `vi`.
 */
export const vietnameseOverrides = {
  error: {
    problemUploadingFile: 'Lỗi - Không tải lên được tệp sau.',
  },
  fields: {
    blocks: 'khối',
    searchForBlock: 'Tìm khối',
    toggleBlock: 'Mở/thu gọn dòng',
  },
  general: {
    collections: 'Danh mục chung',
    // a checkbox never set is drawn in a list as `general:${value}`: "general:null" without this key
    null: 'Sai',
  },
  upload: {
    dragAndDropHere: 'hoặc kéo và thả tệp vào đây',
    fileName: 'Tên tệp',
    fileSize: 'Dung lượng tệp',
    pasteURL: 'Dán đường dẫn tệp',
    selectFile: 'Chọn một tệp',
  },
  validation: {
    validUploadID: 'Trường này không chứa mã tệp tải lên hợp lệ.',
  },
}
