import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTrackingNo, parseTrackingNo } from '../case/tracking-number.ts';
import { canonicalJson } from './canonical-json.ts';
import { searchTerms } from './bigrams.ts';
import { maskPhone, normalizePhone, phoneLast4 } from './phone.ts';

describe('phone numbers', () => {
  it('accepts Chinese mobiles and landlines in the ways people write them', () => {
    expect(normalizePhone('139 3591 2345')).toBe('13935912345');
    expect(normalizePhone('+86 139-3591-2345')).toBe('13935912345');
    expect(normalizePhone('0359-2021234')).toBe('0359-2021234');
    expect(normalizePhone('(0359)2021234')).toBe('0359-2021234');
    expect(normalizePhone('010-12345678-801')).toBe('010-12345678-801');
  });
  it('rejects what is not a phone number', () => {
    for (const bad of ['12345', '12935912345', '1393591234', 'abc', '', '0359-12', '+1 415 555 0100'])
      expect(normalizePhone(bad)).toBeNull();
  });
  it('masks and takes the last four of the subscriber number', () => {
    expect(maskPhone('13935912345')).toBe('139****2345');
    expect(maskPhone('0359-2021234')).toBe('0359-***1234');
    expect(phoneLast4('010-12345678-801')).toBe('5678');
  });
});

describe('tracking numbers', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_999 }),
        (r, y, s) => {
          const no = formatTrackingNo(String(r), y, s);
          expect(no).toMatch(/^\d{6}-\d{4}-\d{6}$/);
          expect(parseTrackingNo(no)).toEqual({ regionCode: String(r), year: y, seq: s });
        },
      ),
    );
  });
});

describe('canonical JSON', () => {
  it('is independent of key order and stable', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(canonicalJson(JSON.parse(canonicalJson(obj)))).toBe(canonicalJson(obj));
      }),
    );
  });
});

describe('Chinese search terms', () => {
  it('finds two-character words as bigrams and keeps Latin words whole', () => {
    const terms = searchTerms('小区停水三天，需开具证明。WiFi 12345');
    expect(terms).toEqual(expect.arrayContaining(['停水', '证明', 'wifi', '12345']));
    expect(terms).not.toContain('天，');
  });
  it('every bigram of a query taken from a text is among the text’s terms', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'停水证明小区路灯物业收费'.split('')), minLength: 2, maxLength: 30 }),
        fc.nat(),
        (text, start) => {
          const i = start % (text.length - 1);
          const query = text.slice(i, i + 2);
          const doc = new Set(searchTerms(text));
          for (const t of searchTerms(query)) expect(doc.has(t)).toBe(true);
        },
      ),
    );
  });
});
