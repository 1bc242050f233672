/** Texts of a task's breakdown (namespace `breakdown`): Vietnamese first, English must have the same keys. */
export const breakdownVi = {
  heading: 'Nhiệm vụ cấp dưới',
  parent: 'Mở nhiệm vụ cấp trên mà nhiệm vụ này cụ thể hóa',
  percent: 'Tiến độ chung',
  worst: 'Tình trạng hạn xấu nhất',
  counts: 'Số nhiệm vụ',
  countsValue:
    '{{total}} nhiệm vụ: {{approved}} đã duyệt ({{onTime}} đúng hạn, {{late}} trễ hạn), {{open}} đang thực hiện, {{overdue}} quá hạn',
  due: 'hạn {{date}}',
};

export const breakdownEn: typeof breakdownVi = {
  heading: 'Tasks below',
  parent: 'Open the task above that this one breaks down',
  percent: 'Overall progress',
  worst: 'Worst deadline status',
  counts: 'Tasks',
  countsValue:
    '{{total}} tasks: {{approved}} approved ({{onTime}} on time, {{late}} late), {{open}} under way, {{overdue}} overdue',
  due: 'due {{date}}',
};
