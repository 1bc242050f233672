/** Headlines of the agencies part for the codes its requests may answer (the rest as for accounts). */
export const AGENCY_ERROR_KEYS: Readonly<Record<string, string>> = {
  DUPLICATE: 'admin.agencies.errors.DUPLICATE',
  UNKNOWN_AGENCY: 'admin.agencies.errors.UNKNOWN_AGENCY',
  VALIDATION_FAILED: 'admin.agencies.errors.VALIDATION_FAILED',
  NOT_FOUND: 'admin.agencies.errors.notFound',
};
