/** The newest of ISO dates or timestamps (in UTC, they sort as text); '' when there are none. */
export function newestDate(dates: readonly string[]): string {
  return dates.reduce((newest, date) => (date > newest ? date : newest), '');
}
