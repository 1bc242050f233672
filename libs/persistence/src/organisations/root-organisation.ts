/**
 * The deployment's top organisation (the Provincial Committee), made by migration 1734300000000 with this id:
 * every row made before organisations belongs to it, and it is the default of every `organisation_id`.
 */
export const ROOT_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001';
