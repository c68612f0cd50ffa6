// Settings as clients send them: nested (VS Code) or flat rule keys, wrong types ignored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings, toAnalyseOptions } from '../../server/src/settings';

describe('parseSettings', () => {
  it('falls back to the defaults for anything missing or ill-typed', () => {
    assert.deepEqual(parseSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(parseSettings({ enable: 'yes', rules: 3, extraReportingVerbs: 'quipped', placeholder: '  ' }), DEFAULT_SETTINGS);
  });

  it('reads rule severities nested as VS Code sends them and flat as written by hand', () => {
    const s = parseSettings({ rules: { claim: { unsourced: 'off' }, 'quote.attributed': 'error', note: { unused: 'loud' } } });
    assert.deepEqual(s.rules, { 'claim.unsourced': 'off', 'quote.attributed': 'error' });
  });

  it('keeps plain-word lists and the placeholder, trimmed', () => {
    const s = parseSettings({ enable: false, extraReportingVerbs: [' quipped ', 4, ''], extraVaguePhrases: ['insiders say'], placeholder: ' FIXME ' });
    assert.deepEqual(s, { enable: false, rules: {}, extraReportingVerbs: ['quipped'], extraVaguePhrases: ['insiders say'], placeholder: 'FIXME' });
    assert.deepEqual(toAnalyseOptions(s, 'markdown'), {
      format: 'markdown',
      severities: {},
      extraReportingVerbs: ['quipped'],
      extraVaguePhrases: ['insiders say'],
      placeholder: 'FIXME',
    });
  });
});
