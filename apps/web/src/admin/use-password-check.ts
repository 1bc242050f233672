import { passwordProblems, passwordStrength } from '@dondoc/contracts';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { strengthView, type StrengthView } from './strength-model';

/**
 * The shared policy's verdict on the password being typed, with the username and name typed beside it.
 * Deferred: the estimator takes a few milliseconds per keystroke, and typing must never wait for it.
 */
export function usePasswordCheck(password: string, username = '', fullName = ''): StrengthView & { stale: boolean } {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const deferredPassword = useDeferredValue(password);
  const deferredUsername = useDeferredValue(username);
  const deferredFullName = useDeferredValue(fullName);
  const view = useMemo(() => {
    if (!deferredPassword) return strengthView('', 0, [], lang);
    const context = { username: deferredUsername, fullName: deferredFullName };
    return strengthView(
      deferredPassword,
      passwordStrength(deferredPassword, context),
      passwordProblems(deferredPassword, context),
      lang,
    );
  }, [deferredPassword, deferredUsername, deferredFullName, lang]);
  return { ...view, stale: deferredPassword !== password };
}
