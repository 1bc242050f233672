import type { Messages } from './vi';

export const en: Messages = {
  app: { name: 'Đôn Đốc', tagline: 'Tracking and urging assigned tasks', skipToMain: 'Skip to main content' },
  auth: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    failed: 'Wrong username or password.',
    tooMany: 'Too many failed sign-ins. Please try again in a few minutes.',
    expired: 'Your session has expired; please sign in again.',
    demoHint: 'Demo accounts: vanphong, thuongvu, kiemtra, ban-tuyen-giao… (password demo12345)',
  },
  roles: {
    office: 'Party Committee Office',
    standing_committee: 'Standing Committee',
    agency: 'Agency',
    inspector: 'Inspection Committee',
    admin: 'Administrator',
  },
  nav: { board: 'Task board', menu: 'Menu', language: 'Tiếng Việt', languageLabel: 'Tiếng Việt: switch to Vietnamese' },
  live: {
    connected: 'Live updates',
    polling: 'Refreshing every 15 seconds',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    confirm: 'Confirm',
    save: 'Save',
    none: 'None',
    errorTitle: 'Could not load the data',
    networkError: 'Cannot reach the server. Check the network and try again.',
    datePlaceholder: 'dd/mm/yyyy',
    dateInvalid: 'Not a date: type day/month/year, e.g. 31/03/2031 (years 1990–2100)',
    files: {
      chooseOne: 'Choose a file',
      chooseMany: 'Choose files',
      none: 'No file chosen',
      many_one: '{{count}} file: {{names}}',
      many_other: '{{count}} files: {{names}}',
    },
  },
};
