/** Texts of the task drawer and the notifications panel (namespace `drawer`). */
export const drawerVi = {
  title: 'Chi tiết nhiệm vụ',
};

export const drawerEn: typeof drawerVi = {
  title: 'Task details',
};
