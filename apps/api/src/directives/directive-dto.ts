import type { DirectiveDto } from '@dondoc/contracts';
import type { DirectiveRow } from './directives.repository.js';

export function toDirectiveDto(r: DirectiveRow): DirectiveDto {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    title: r.title,
    issuedOn: r.issued_on,
    issuer: r.issuer,
    signer: r.signer,
    place: r.place,
    classification: r.classification ?? 'normal',
    contentReference: r.content_reference ?? null,
    ...(r.organisation_id ? { organisationId: r.organisation_id } : {}),
    createdAt: r.created_at.toISOString(),
  };
}
