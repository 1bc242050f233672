import { DATE_MAX, DATE_MIN, isDateInRange } from './date-range.js';
import { reportQuerySchema } from './reports.js';
import { confirmDirectiveImportRequestSchema } from './directive-import.js';
import {
  createDirectiveRequestSchema,
  createExtensionRequestSchema,
  createTaskRequestSchema,
  isoDate,
  transitionRequestSchema,
  updateTaskRequestSchema,
} from './schemas.js';

describe('date range', () => {
  it('is 1990-01-01 to 2100-12-31', () => {
    expect(DATE_MIN).toBe('1990-01-01');
    expect(DATE_MAX).toBe('2100-12-31');
  });

  it.each([
    ['1990-01-01', true],
    ['2100-12-31', true],
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['1989-12-31', false],
    ['2101-01-01', false],
    ['0000-01-01', false],
    ['0001-01-01', false],
    ['9999-12-31', false],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['20260101', false],
  ])('isoDate %s → %s', (date, ok) => {
    expect(isoDate.safeParse(date).success).toBe(ok);
  });

  it('isDateInRange agrees at the edges', () => {
    expect(isDateInRange('1990-01-01')).toBe(true);
    expect(isDateInRange('2100-12-31')).toBe(true);
    expect(isDateInRange('1989-12-31')).toBe(false);
    expect(isDateInRange('2101-01-01')).toBe(false);
    expect(isDateInRange('0000-01-01')).toBe(false);
  });

  const uuid = '00000000-0000-4000-8000-000000000000';
  const task = { title: 't', deliverableType: 'bao_cao', field: 'economy' } as const;
  const everywhere: [string, (d: string) => boolean][] = [
    ['task create', (d) => createTaskRequestSchema.safeParse({ ...task, directiveId: uuid, dueDate: d }).success],
    ['task edit', (d) => updateTaskRequestSchema.safeParse({ expectedVersion: 1, dueDate: d }).success],
    [
      'transition',
      (d) => transitionRequestSchema.safeParse({ event: 'ASSIGN', expectedVersion: 1, dueDate: d }).success,
    ],
    ['extension', (d) => createExtensionRequestSchema.safeParse({ requestedDueDate: d, reason: 'r' }).success],
    [
      'directive',
      (d) => createDirectiveRequestSchema.safeParse({ number: '1', kind: 'other', title: 't', issuedOn: d }).success,
    ],
    ['report asOf', (d) => reportQuerySchema.safeParse({ asOf: d }).success],
    [
      'import issuedOn',
      (d) =>
        confirmDirectiveImportRequestSchema.safeParse({
          directive: { number: '1', kind: 'other', title: 't', issuedOn: d },
          tasks: [task],
        }).success,
    ],
    [
      'import due date',
      (d) =>
        confirmDirectiveImportRequestSchema.safeParse({
          directive: { number: '1', kind: 'other', title: 't' },
          tasks: [{ ...task, dueDate: d }],
        }).success,
    ],
  ];
  it.each(everywhere)('%s refuses dates out of range and takes the edges', (_name, accepts) => {
    expect(accepts('1990-01-01')).toBe(true);
    expect(accepts('2100-12-31')).toBe(true);
    expect(accepts('1989-12-31')).toBe(false);
    expect(accepts('2101-01-01')).toBe(false);
    expect(accepts('0000-01-01')).toBe(false);
    expect(accepts('9999-12-31')).toBe(false);
  });
});
