/**
 * Words around names. Sources: English honorifics and news job titles as used by AP style;
 * gender hints from titles follow the pronoun-resolution rule in the project's notes
 * (Mr, Sir, Lord, King: male; Mrs, Ms, Miss, Lady, Queen: female).
 */
export const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'brother']);
export const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'lady', 'queen', 'princess', 'madam', 'dame', 'sister']);

/** Titles dropped when comparing names ("President Vladimir V. Putin" and "Mr. Putin" are one person). */
export const TITLES = new Set([
  ...MALE_TITLES, ...FEMALE_TITLES,
  'dr', 'prof', 'professor', 'president', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor',
  'mayor', 'minister', 'secretary', 'judge', 'justice', 'gen', 'general', 'col', 'colonel', 'lt', 'capt',
  'captain', 'adm', 'admiral', 'sgt', 'gov.', 'chancellor', 'premier', 'ambassador', 'speaker', 'chairman',
  'chairwoman', 'chair', 'director', 'commissioner', 'chief', 'pope', 'rev', 'reverend', 'rabbi', 'sheikh',
  'vice', 'prime', 'attorney', 'officer', 'detective', 'sheriff', 'councilwoman', 'councilman', 'councillor',
  'councilor', 'superintendent', 'coach', 'candidate', 'nominee',
]);

/** Abbreviations that end with a period but do not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'capt', 'adm',
  'sgt', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'vs', 'v', 'etc', 'inc', 'corp', 'co', 'ltd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'ave',
  'blvd', 'approx', 'dept', 'est', 'fig', 'al', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'd.c',
]);

/** Institutions that speak in their own right ("the Kremlin said", "the ministry announced"). */
export const INSTITUTION_HEADS = new Set([
  'kremlin', 'ministry', 'agency', 'department', 'government', 'administration', 'office', 'council',
  'committee', 'commission', 'court', 'company', 'firm', 'police', 'army', 'military', 'campaign', 'party',
  'board', 'university', 'white house', 'pentagon', 'embassy', 'service', 'bureau', 'authority',
  'authorities', 'organization', 'organisation', 'union', 'group', 'team', 'spokesman', 'spokeswoman',
  'spokesperson', 'statement', 'report', 'newspaper', 'network', 'station', 'magazine', 'senate', 'house',
  'congress', 'parliament', 'cabinet', 'coalition', 'alliance', 'federation', 'association', 'institute',
  'center', 'centre', 'foundation', 'bank', 'fund', 'corporation', 'club', 'league', 'county', 'city',
  'state', 'district', 'school', 'hospital', 'regulator', 'watchdog', 'prosecutors', 'prosecutor',
]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);
