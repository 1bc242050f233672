import type { OrganisationDto } from '@dondoc/contracts';

/** The committees as `<option>`s, each indented by its depth under the reader's (parents come first). */
export function OrganisationOptions({ organisations }: { organisations: (OrganisationDto & { depth: number })[] }) {
  return organisations.map((o) => (
    <option key={o.id} value={o.id}>
      {'\u00a0\u00a0'.repeat(o.depth)}
      {o.name}
    </option>
  ));
}
