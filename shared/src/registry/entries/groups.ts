/**
 * Groups a delegation speaks on behalf of ("Malta, on behalf of the European Union and its
 * Member States"): the regional groups of the United Nations, the negotiating groups, and the
 * usual alignments heard at CND.
 */
import type { SeedEntry } from '../types.ts';

const group = (id: string, name: string, ...aliases: string[]): SeedEntry => ({
  key: `group:${id}`,
  name,
  kind: 'group',
  aliases,
});

/** The usual "on behalf of" groups. */
export const GROUPS: readonly SeedEntry[] = [
  group('EUMS', 'European Union and its Member States', 'EU and its Member States', 'EU Member States', 'EU28', 'EU27'),
  group('G77', 'Group of 77 and China', 'G77', 'G-77', 'G77 and China', 'Group of 77'),
  group('AFRICAN', 'African Group', 'Group of African States'),
  group('APG', 'Asia-Pacific Group', 'Group of Asia-Pacific States', 'Asia and the Pacific Group'),
  group('GRULAC', 'Group of Latin American and Caribbean States', 'GRULAC', 'Latin American and Caribbean Group'),
  group('EEG', 'Eastern European Group', 'Group of Eastern European States', 'EEG'),
  group('WEOG', 'Western European and Other States Group', 'WEOG', 'Western European and Others Group'),
  group('NAM', 'Non-Aligned Movement', 'NAM', 'Movement of Non-Aligned Countries'),
  group('ARAB', 'Arab Group', 'Group of Arab States'),
  group('LDC', 'Group of Least Developed Countries', 'LDCs', 'Least Developed Countries'),
  group('LLDC', 'Group of Landlocked Developing Countries', 'LLDCs', 'Landlocked Developing Countries'),
  group('SIDS', 'Small Island Developing States', 'SIDS'),
  group('NORDIC', 'Nordic countries', 'Nordic Group'),
  group('BENELUX', 'Benelux', 'Benelux countries'),
  group('CANZ', 'CANZ', 'Canada, Australia and New Zealand'),
  group('JUSCANZ', 'JUSCANZ'),
];
