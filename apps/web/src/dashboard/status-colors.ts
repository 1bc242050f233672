/**
 * The deadline colours of styles.css (`--st-*`) as values: chart SVG is also exported and printed,
 * where a CSS variable would not resolve, so the charts take the literal colours from here.
 */
export const STATUS_COLORS = {
  onTime: '#1e8e3e',
  late: '#e37400',
  notDue: '#1d63c9',
  dueSoon: '#7aa7e8',
  overdue: '#c5221f',
  notStarted: '#80868b',
} as const;
