const ITALIAN_NAMES = new Intl.DisplayNames(['it'], { type: 'language' });

/** A content language's Italian name, as the admin writes it in a sentence: "italiano", "inglese". */
export const languageName = (locale: string): string => ITALIAN_NAMES.of(locale) ?? locale;
