import type { UserDto } from '@dondoc/contracts';
import {
  accountFormOf,
  accountFormProblems,
  createAccountBody,
  emptyAccountForm,
  updateAccountBody,
} from './account-form-model';

describe('account form model', () => {
  it('finds the missing fields of a new account, the agency only for an agency account', () => {
    expect(accountFormProblems(emptyAccountForm(), 'create')).toEqual({
      username: 'required',
      fullName: 'required',
      agencyId: 'agencyRequired',
      password: 'required',
    });
    expect(
      accountFormProblems(
        { ...emptyAccountForm(), username: 'a', fullName: 'A', role: 'office', password: 'x' },
        'create',
      ),
    ).toEqual({});
  });

  it('asks nothing about username or password when editing', () => {
    const user: UserDto = { id: 'u1', username: 'vanphong', fullName: 'Văn phòng', role: 'office', agencyId: null };
    expect(accountFormProblems(accountFormOf(user), 'edit')).toEqual({});
  });

  it('builds the create body: trimmed, lowercased username, no agency but for agency accounts, empty e-mail as null', () => {
    const body = createAccountBody({
      username: ' Nguyen.Van.A ',
      fullName: ' Nguyễn Văn A ',
      role: 'inspector',
      agencyId: 'left-over-agency',
      organisationId: '',
      email: '  ',
      password: ' sông Hương lặng gió ',
    });
    expect(body).toEqual({
      username: 'nguyen.van.a',
      fullName: 'Nguyễn Văn A',
      role: 'inspector',
      agencyId: null,
      email: null,
      password: ' sông Hương lặng gió ',
    });
  });

  it('sends the committee of an account that is not an agency’s, never of an agency account', () => {
    const base = {
      ...emptyAccountForm(),
      username: 'vp',
      fullName: 'Văn phòng',
      password: 'x',
      organisationId: 'org-1',
    };
    expect(createAccountBody({ ...base, role: 'office' }).organisationId).toBe('org-1');
    expect(createAccountBody({ ...base, role: 'agency', agencyId: 'a1' }).organisationId).toBeUndefined();
    expect(updateAccountBody({ ...base, role: 'standing_committee' }).organisationId).toBe('org-1');
    expect(createAccountBody({ ...base, role: 'office', organisationId: '' }).organisationId).toBeUndefined();
  });

  it('builds the update body with every editable field', () => {
    const user: UserDto = {
      id: 'u2',
      username: 'ban-tuyen-giao',
      fullName: 'Ban Tuyên giáo',
      role: 'agency',
      agencyId: 'a1',
      email: 'btg@tinhuy.vn',
      active: true,
    };
    expect(updateAccountBody(accountFormOf(user))).toEqual({
      fullName: 'Ban Tuyên giáo',
      role: 'agency',
      agencyId: 'a1',
      email: 'btg@tinhuy.vn',
    });
    expect(updateAccountBody({ ...accountFormOf(user), role: 'office' })).toMatchObject({
      role: 'office',
      agencyId: null,
    });
  });
});
