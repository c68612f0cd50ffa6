/**
 * Consequential actions: verbs whose past tense reports an event a fact-checker would verify
 * ("the council approved", "the ministry banned", "Acme fired 200 workers"). Source: the event
 * types of news event taxonomies (ACE 2005: conflict, justice, personnel, transaction, life,
 * business; CAMEO's political actions), reduced to their common English verbs. Everyday verbs
 * ("settled in a chair", "glittered") are left out on purpose: they are colour, not claims.
 */
export const ACTION_LEMMAS = new Set([
  'sign', 'approve', 'vote', 'pass', 'reject', 'launch', 'kill', 'arrest', 'fire', 'win', 'lose', 'order', 'ban',
  'raise', 'cut', 'close', 'open', 'buy', 'sell', 'sue', 'charge', 'convict', 'elect', 'appoint', 'resign',
  'invade', 'attack', 'agree', 'refuse', 'block', 'veto', 'endorse', 'withdraw', 'pay', 'spend', 'receive',
  'donate', 'fund', 'hire', 'cancel', 'suspend', 'rule', 'publish', 'release', 'build', 'destroy', 'seize',
  'capture', 'deploy', 'impose', 'lift', 'extend', 'end', 'begin', 'start', 'introduce', 'acquire', 'merge',
  'file', 'dismiss', 'overturn', 'uphold', 'plead', 'violate', 'break', 'strike', 'bomb', 'shoot', 'detain',
  'indict', 'sentence', 'acquit', 'pardon', 'deport', 'nominate', 'confirm', 'defeat', 'lead', 'increase',
  'decrease', 'double', 'triple', 'reduce', 'fall', 'rise', 'grow', 'drop', 'collapse', 'default', 'borrow',
  'lend', 'invest', 'earn', 'owe', 'tax', 'fine', 'sanction', 'recall', 'evacuate', 'occupy', 'annex',
  'retake', 'recapture', 'surrender', 'negotiate', 'ratify', 'enact', 'repeal', 'amend', 'abolish',
  'hike', 'slash', 'freeze', 'leak', 'hack', 'steal', 'smuggle', 'injure', 'die', 'award', 'grant', 'deny',
]);

const IRREGULAR: Record<string, string> = {
  won: 'win', lost: 'lose', paid: 'pay', spent: 'spend', built: 'build', began: 'begin', begun: 'begin', broke: 'break',
  broken: 'break', struck: 'strike', shot: 'shoot', led: 'lead', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise',
  grew: 'grow', grown: 'grow', sold: 'sell', bought: 'buy', lent: 'lend', froze: 'freeze', frozen: 'freeze', stole: 'steal',
  stolen: 'steal', withdrew: 'withdraw', withdrawn: 'withdraw', cut: 'cut', hit: 'hit', set: 'set', shut: 'shut', quit: 'quit',
};

/** The lemma of a past-tense action verb ("approved" -> "approve"), or null if it is not an action. */
export function actionLemma(word: string): string | null {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return ACTION_LEMMAS.has(irregular) ? irregular : null;
  for (const cand of [w.replace(/ied$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/([a-z])\1ed$/, '$1')]) {
    if (cand !== w && ACTION_LEMMAS.has(cand)) return cand;
  }
  return null;
}
