import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/api-client';
import { LanguageSwitch } from '../common/language-switch';
import { useAuthActions } from './use-auth-actions';
import { useSession } from './use-session';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { signIn } = useAuthActions();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('auth.tooMany'));
      else if (err instanceof ApiError && err.status === 401) setError(t('auth.failed'));
      else setError(err instanceof ApiError && err.status ? err.message : t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={(e) => void onSubmit(e)} aria-labelledby="login-title">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            ĐĐ
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 id="login-title">{t('auth.title')}</h1>
        <label>
          {t('auth.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="login-submit">
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </button>
        <p className="hint">{t('auth.demoHint')}</p>
        <LanguageSwitch />
      </form>
    </main>
  );
}
