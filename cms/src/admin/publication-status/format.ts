import { format, isToday, isYesterday } from 'date-fns';
import { it } from 'date-fns/locale';

/** A moment as an Italian officer says it: "oggi alle 10:42", "ieri alle 18:05", "3 dicembre 2026 alle 9:15". */
export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const time = format(date, 'H:mm', { locale: it });
  if (isToday(date)) return `oggi alle ${time}`;
  if (isYesterday(date)) return `ieri alle ${time}`;
  return `${format(date, 'd MMMM yyyy', { locale: it })} alle ${time}`;
}

/** A duration in words: "18 secondi", "1 minuto e 5 secondi". */
export function duration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const s = `${seconds} ${seconds === 1 ? 'secondo' : 'secondi'}`;
  if (minutes === 0) return s;
  const m = `${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}`;
  return seconds === 0 ? m : `${m} e ${s}`;
}

/** "1 pagina", "412 pagine", with Italian digit grouping. */
export const pages = (count: number) => `${count.toLocaleString('it-IT')} ${count === 1 ? 'pagina' : 'pagine'}`;
