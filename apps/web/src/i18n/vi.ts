/** Vietnamese, the default language. Keys are shared with en.ts (checked by its type). */
export const vi = {
  app: { name: 'Đôn Đốc', tagline: 'Theo dõi, đôn đốc thực hiện nhiệm vụ', skipToMain: 'Bỏ qua đến nội dung chính' },
  auth: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    signingIn: 'Đang đăng nhập…',
    signOut: 'Đăng xuất',
    failed: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    tooMany: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
    expired: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
    demoHint: 'Tài khoản thử: vanphong, thuongvu, kiemtra, ban-tuyen-giao… (mật khẩu demo12345)',
  },
  roles: {
    office: 'Văn phòng Tỉnh ủy',
    standing_committee: 'Ban Thường vụ',
    agency: 'Cơ quan, đơn vị',
    inspector: 'Ủy ban Kiểm tra',
    admin: 'Quản trị hệ thống',
  },
  nav: {
    board: 'Bảng nhiệm vụ',
    menu: 'Menu',
    more: 'Thêm',
    language: 'English',
    languageLabel: 'English: chuyển sang tiếng Anh',
  },
  live: {
    connected: 'Cập nhật trực tiếp',
    polling: 'Tự làm mới mỗi 15 giây',
  },
  common: {
    loading: 'Đang tải…',
    retry: 'Thử lại',
    close: 'Đóng',
    cancel: 'Hủy bỏ',
    confirm: 'Xác nhận',
    save: 'Lưu',
    none: 'Không có',
    errorTitle: 'Không tải được dữ liệu',
    networkError: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    datePlaceholder: 'dd/mm/yyyy',
    dateInvalid: 'Ngày không hợp lệ: nhập ngày/tháng/năm, ví dụ 31/03/2031 (năm 1990–2100)',
    files: {
      chooseOne: 'Chọn tệp',
      chooseMany: 'Chọn tệp',
      none: 'Chưa chọn tệp nào',
      many_one: '{{count}} tệp: {{names}}',
      many_other: '{{count}} tệp: {{names}}',
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof vi>;
