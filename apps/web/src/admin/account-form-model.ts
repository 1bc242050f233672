import type { CreateUserRequest, RoleName, UpdateUserRequest, UserDto } from '@dondoc/contracts';

/** The account form as typed: every field a string, so nothing typed is lost when the server refuses. */
export interface AccountFormValues {
  username: string;
  fullName: string;
  role: RoleName;
  agencyId: string;
  /** The committee of an account that is not an agency's; empty: the administrator's own (new) or unchanged. */
  organisationId: string;
  email: string;
  password: string;
}

export type AccountField = keyof AccountFormValues;
/** What is missing, as keys of `admin.form` (the server's own checks answer the rest). */
export type AccountFormProblems = Partial<Record<AccountField, 'required' | 'agencyRequired'>>;

export const emptyAccountForm = (): AccountFormValues => ({
  username: '',
  fullName: '',
  role: 'agency',
  agencyId: '',
  organisationId: '',
  email: '',
  password: '',
});

export const accountFormOf = (user: UserDto): AccountFormValues => ({
  username: user.username,
  fullName: user.fullName,
  role: user.role,
  agencyId: user.agencyId ?? '',
  organisationId: user.organisationId ?? '',
  email: user.email ?? '',
  password: '',
});

/** Only agency accounts belong to an agency: the API refuses an agency on any other role. */
export const needsAgency = (role: RoleName): boolean => role === 'agency';

const agencyOf = (v: AccountFormValues): string | null => (needsAgency(v.role) && v.agencyId ? v.agencyId : null);
const emailOf = (v: AccountFormValues): string | null => v.email.trim() || null;
// An agency account's committee is its agency's: the API refuses another, so none is sent.
const organisationOf = (v: AccountFormValues): string | undefined =>
  !needsAgency(v.role) && v.organisationId ? v.organisationId : undefined;

/** Missing fields only; the password's strength is the server's to judge (the meter only foretells it). */
export function accountFormProblems(v: AccountFormValues, mode: 'create' | 'edit'): AccountFormProblems {
  const found: AccountFormProblems = {};
  if (mode === 'create' && !v.username.trim()) found.username = 'required';
  if (!v.fullName.trim()) found.fullName = 'required';
  if (needsAgency(v.role) && !v.agencyId) found.agencyId = 'agencyRequired';
  if (mode === 'create' && v.password.length === 0) found.password = 'required';
  return found;
}

export function createAccountBody(v: AccountFormValues): CreateUserRequest {
  return {
    username: v.username.trim().toLowerCase(),
    fullName: v.fullName.trim(),
    role: v.role,
    agencyId: agencyOf(v),
    organisationId: organisationOf(v),
    email: emailOf(v),
    // Never trimmed: spaces are part of a passphrase, and the server takes it as typed.
    password: v.password,
  };
}

/** Every editable field, so a role change away from `agency` also clears the agency. */
export function updateAccountBody(v: AccountFormValues): UpdateUserRequest {
  return {
    fullName: v.fullName.trim(),
    role: v.role,
    agencyId: agencyOf(v),
    organisationId: organisationOf(v),
    email: emailOf(v),
  };
}
