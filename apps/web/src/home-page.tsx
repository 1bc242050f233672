import { Navigate } from 'react-router';
import { useSession } from './auth/use-session';
import { BoardPage } from './board/board-page';

/** `/`: the task board, except for the administrator, who has no tasks (the board's API answers 403) but accounts. */
export function HomePage() {
  const session = useSession();
  if (session?.user.role === 'admin') return <Navigate to="/admin" replace />;
  return <BoardPage />;
}
