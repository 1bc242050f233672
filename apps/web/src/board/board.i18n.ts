/** Texts of the board (namespace `board`): Vietnamese first, English must have the same keys. */
export const boardVi = {
  title: 'Bảng nhiệm vụ',
};

export const boardEn: typeof boardVi = {
  title: 'Task board',
};
