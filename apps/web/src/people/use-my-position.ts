import type { Actor } from '@dondoc/workflow';
import { useSession } from '../auth/use-session';

/**
 * The actor with the signed-in person's place (head, deputy, officer). The parts of the panel need it to
 * know who names people and who works on a task; read defensively, since a session saved before positions
 * existed lacks it (the server decides in the end and says why it refuses).
 */
export function useActorWithPosition(actor: Actor): Actor {
  const session = useSession();
  if (actor.position !== undefined) return actor;
  const position = session?.user.id === actor.userId ? (session.user.position ?? null) : null;
  return { ...actor, position };
}
