import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/api-client';
import { AppShell } from './app-shell';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { HomePage } from './home-page';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not get better by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'import',
        lazy: async () => ({
          Component: (await import('./directive-import/directive-import-page')).DirectiveImportPage,
        }),
        HydrateFallback: () => null,
      },
      // Loaded on demand: the charts library is only needed here, so the board does not wait for it.
      {
        path: 'dashboard',
        lazy: async () => ({ Component: (await import('./dashboard/dashboard-page')).DashboardPage }),
        HydrateFallback: () => null,
      },
      // The Office's reporting periods (kỳ báo cáo); agencies read their own rows there.
      {
        path: 'reporting-periods',
        lazy: async () => ({ Component: (await import('./progress/reporting-periods-page')).ReportingPeriodsPage }),
        HydrateFallback: () => null,
      },
      // The Office's recurring work (việc định kỳ) and the monthly program carried forward.
      {
        path: 'recurring',
        lazy: async () => ({ Component: (await import('./series/recurring-page')).RecurringPage }),
        HydrateFallback: () => null,
      },
      // The working calendar (lịch làm việc): days off and worked of each year; the Office enters the official one.
      {
        path: 'calendar',
        lazy: async () => ({ Component: (await import('./calendar/calendar-page')).CalendarPage }),
        HydrateFallback: () => null,
      },
      // The record of access to classified items: the inspector's and the administrator's.
      {
        path: 'access-log',
        lazy: async () => ({ Component: (await import('./access-log/access-log-page')).AccessLogPage }),
        HydrateFallback: () => null,
      },
      // Loaded on demand: the password meter's estimator and dictionaries (~1 MB) serve this page only.
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('./admin/admin-page')).AdminPage }),
        HydrateFallback: () => null,
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
