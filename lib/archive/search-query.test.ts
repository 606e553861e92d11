import { describe, expect, it } from 'vitest';
import { filterFromParams, isActiveFilter, paramsFromFilter, prefixTsquery, searchForms, searchWords } from './search-query';

const id = '0b7e2f0c-6c1e-4c8a-9a7e-3f1f2b1c4d5e';

describe('archive search query', () => {
  it('keeps letters and digits only, lower-cased, each word once, at most eight', () => {
    expect(searchWords('Veilederne & !brukere | (møte):*')).toEqual(['veilederne', 'brukere', 'møte']);
    expect(searchWords("'; drop table x; --")).toEqual(['drop', 'table', 'x']);
    expect(searchWords('a a A')).toEqual(['a']);
    expect(searchWords('1 2 3 4 5 6 7 8 9 10')).toHaveLength(8);
    expect(searchWords('  ')).toEqual([]);
  });

  it('asks for every word as a prefix', () => {
    expect(prefixTsquery('tillit')).toBe('tillit:*');
    // The stemmer takes "-er" itself; the extra form is harmless there and needed for "brukere" (stem `bruker`, base `bruk`).
    expect(prefixTsquery('Tillit  brukere')).toBe('tillit:* & (brukere:* | bruker:*)');
    expect(prefixTsquery('veilederne')).toBe('(veilederne:* | veileder:*)');
    expect(prefixTsquery('&|!')).toBeNull();
  });

  it('tries an inflected word without its ending, keeping at least four letters', () => {
    expect(searchForms('veilederne')).toEqual(['veilederne', 'veileder']);
    expect(searchForms('samtalene')).toEqual(['samtalene', 'samtal']);
    expect(searchForms('møtet')).toEqual(['møtet']);
    expect(searchForms('brukeren')).toEqual(['brukeren', 'bruker']);
    expect(searchForms('tid')).toEqual(['tid']);
  });

  it('reads the page parameters, ignoring what is malformed, and writes them back', () => {
    const filter = filterFromParams({ sok: ' veileder ', fase: id, okt: 'not-a-uuid', type: 'note', forfatter: 'anonymous', tagg: [id, 'x'] });
    expect(filter).toEqual({ query: 'veileder', phaseId: id, kind: 'note', authorKind: 'anonymous', tagId: id });
    expect(paramsFromFilter(filter).toString()).toBe(`sok=veileder&fase=${id}&type=note&forfatter=anonymous&tagg=${id}`);
    expect(filterFromParams({ forfatter: 'somebody', type: 'DROP TABLE' })).toEqual({ query: '' });
    expect(isActiveFilter({ query: '' })).toBe(false);
    expect(isActiveFilter({ query: '', theme: 'Tillit' })).toBe(true);
  });

  it('drops a search that holds personal data rather than sending it on', () => {
    expect(filterFromParams({ sok: 'ring 41234567' }).query).toBe('');
  });
});
