import { canRead } from './access.rules.js';
import {
  CLASSIFICATIONS,
  classificationChangeRefusal,
  higherClassification,
  isCleared,
  isRecordOnly,
} from './classification.rules.js';
import type { Actor } from './task.model.js';

const office: Actor = { userId: 'u-office', role: 'office', agencyId: null };
const lead: Actor = { userId: 'u-lead', role: 'agency', agencyId: 'a1', position: 'head' };
const admin: Actor = { userId: 'u-admin', role: 'admin', agencyId: null };
const task = { state: 'in_progress' as const, leadAgencyId: 'a1', coordinatingAgencyIds: [] };

describe('need to know', () => {
  it('an unclassified task is read by role alone', () => {
    expect(canRead({ ...task, classification: 'normal' }, office)).toBe(true);
    expect(canRead({ ...task }, lead)).toBe(true);
  });

  it.each(CLASSIFICATIONS.filter((c) => c !== 'normal'))('a %s task is read only by those on its list', (level) => {
    const listed = { ...task, classification: level, accessUserIds: ['u-lead'] };
    expect(canRead(listed, lead)).toBe(true);
    // role alone is not enough: an Office clerk off the list sees nothing
    expect(canRead(listed, office)).toBe(false);
    expect(canRead({ ...listed, accessUserIds: [] }, lead)).toBe(false);
    expect(canRead({ ...listed, accessUserIds: undefined }, lead)).toBe(false);
  });

  it('the list never widens the role rule: an admin on a list still reads no task', () => {
    expect(canRead({ ...task, classification: 'secret', accessUserIds: ['u-admin'] }, admin)).toBe(false);
    expect(isCleared({ classification: 'secret', accessUserIds: ['u-admin'] }, admin)).toBe(true);
  });
});

describe('changes of level', () => {
  it('raising is free; lowering needs a comment; a task stays at least at its directive’s level', () => {
    expect(classificationChangeRefusal({ from: 'normal', to: 'secret' })).toBeUndefined();
    expect(classificationChangeRefusal({ from: 'secret', to: 'confidential' })).toBe('COMMENT_REQUIRED');
    expect(classificationChangeRefusal({ from: 'secret', to: 'confidential', comment: '  ' })).toBe('COMMENT_REQUIRED');
    expect(classificationChangeRefusal({ from: 'secret', to: 'confidential', comment: 'Giải mật theo QĐ 12' })).toBe(
      undefined,
    );
    expect(classificationChangeRefusal({ from: 'secret', to: 'normal', floor: 'confidential', comment: 'x' })).toBe(
      'CLASSIFICATION_BELOW_DIRECTIVE',
    );
    expect(classificationChangeRefusal({ from: 'secret', to: 'secret' })).toBe('SAME_CLASSIFICATION');
    expect(classificationChangeRefusal({ from: 'secret', to: 'mật' })).toBe('INVALID_CLASSIFICATION');
  });

  it('orders the levels', () => {
    expect(higherClassification('confidential', 'secret')).toBe('secret');
    expect(higherClassification('top_secret', 'normal')).toBe('top_secret');
    expect(isRecordOnly('top_secret')).toBe(true);
    expect(isRecordOnly('secret')).toBe(false);
  });
});
