import { localDate } from '@dondoc/workflow';
import { useEffect, useState } from 'react';

/** Today's date in Asia/Ho_Chi_Minh; a string, so it only re-renders the cards when the day turns. */
export function useToday(): string {
  const [today, setToday] = useState(() => localDate(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(localDate(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
