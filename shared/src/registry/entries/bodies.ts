/**
 * United Nations entities and bodies, intergovernmental organisations, and the presiding
 * officer, as they take the floor at CND and similar meetings. Names are the organisations' own
 * English names; acronyms are aliases so "UNODC" and "Office on Drugs and Crime" both find it.
 */
import type { RegistryKind, SeedEntry } from '../types.ts';

const entry =
  (prefix: string, kind: RegistryKind) =>
  (id: string, name: string, ...aliases: string[]): SeedEntry => ({ key: `${prefix}:${id}`, name, kind, aliases });

const un = entry('un', 'un-entity');
const igo = entry('igo', 'intergovernmental');

/** UN Secretariat offices, programmes, funds, specialized agencies and intergovernmental organs. */
export const UN_ENTITIES: readonly SeedEntry[] = [
  un('UNODC', 'United Nations Office on Drugs and Crime', 'UNODC', 'Office on Drugs and Crime'),
  un('INCB', 'International Narcotics Control Board', 'INCB'),
  un('WHO', 'World Health Organization', 'WHO'),
  un(
    'OHCHR',
    'Office of the United Nations High Commissioner for Human Rights',
    'OHCHR',
    'High Commissioner for Human Rights',
  ),
  un('UNAIDS', 'Joint United Nations Programme on HIV/AIDS', 'UNAIDS'),
  un('UNDP', 'United Nations Development Programme', 'UNDP'),
  un('UNICEF', "United Nations Children's Fund", 'UNICEF'),
  un('UNESCO', 'United Nations Educational, Scientific and Cultural Organization', 'UNESCO'),
  un('UNWOMEN', 'United Nations Entity for Gender Equality and the Empowerment of Women', 'UN Women'),
  un('UNHCR', 'Office of the United Nations High Commissioner for Refugees', 'UNHCR'),
  un('ILO', 'International Labour Organization', 'ILO'),
  un('FAO', 'Food and Agriculture Organization of the United Nations', 'FAO'),
  un('UNICRI', 'United Nations Interregional Crime and Justice Research Institute', 'UNICRI'),
  un('UNITAR', 'United Nations Institute for Training and Research', 'UNITAR'),
  un('UNOV', 'United Nations Office at Vienna', 'UNOV'),
  un('UNFPA', 'United Nations Population Fund', 'UNFPA'),
  un('WFP', 'World Food Programme', 'WFP'),
  un('IAEA', 'International Atomic Energy Agency', 'IAEA'),
  un('UNOPS', 'United Nations Office for Project Services', 'UNOPS'),
  un('OCHA', 'Office for the Coordination of Humanitarian Affairs', 'OCHA'),
  un('UNHABITAT', 'United Nations Human Settlements Programme', 'UN-Habitat'),
  un('UNEP', 'United Nations Environment Programme', 'UNEP'),
  un('UNIDO', 'United Nations Industrial Development Organization', 'UNIDO'),
  un('UNCTAD', 'United Nations Conference on Trade and Development', 'UNCTAD'),
  un('DESA', 'Department of Economic and Social Affairs', 'DESA', 'UN DESA'),
  un('UNOCT', 'United Nations Office of Counter-Terrorism', 'UNOCT'),
  un('UNU', 'United Nations University', 'UNU'),
  un('WB', 'World Bank', 'World Bank Group'),
  un('IMF', 'International Monetary Fund', 'IMF'),
  un('UPU', 'Universal Postal Union', 'UPU'),
  un('ITU', 'International Telecommunication Union', 'ITU'),
  un('IOM', 'International Organization for Migration', 'IOM'),
  un('CND', 'Commission on Narcotic Drugs', 'CND'),
  un('CCPCJ', 'Commission on Crime Prevention and Criminal Justice', 'CCPCJ'),
  un('ECOSOC', 'Economic and Social Council', 'ECOSOC'),
  un('HRC', 'Human Rights Council', 'HRC'),
  un('GA', 'General Assembly', 'UNGA'),
  un('SECRETARIAT', 'Secretariat', 'CND Secretariat', 'Secretariat of the Commission', 'Secretary'),
];

/** Intergovernmental organisations that speak in their own right. */
export const INTERGOVERNMENTAL: readonly SeedEntry[] = [
  igo('EU', 'European Union', 'EU'),
  igo('EC', 'European Commission'),
  igo('INTERPOL', 'International Criminal Police Organization', 'INTERPOL'),
  igo('AU', 'African Union', 'AU', 'African Union Commission'),
  igo('EUROPOL', 'European Union Agency for Law Enforcement Cooperation', 'Europol'),
  igo(
    'EUDA',
    'European Union Drugs Agency',
    'EUDA',
    'EMCDDA',
    'European Monitoring Centre for Drugs and Drug Addiction',
  ),
  igo('COE', 'Council of Europe', 'CoE'),
  igo('POMPIDOU', 'Pompidou Group', 'Pompidou Group of the Council of Europe'),
  igo('OAS', 'Organization of American States', 'OAS'),
  igo('CICAD', 'Inter-American Drug Abuse Control Commission', 'CICAD'),
  igo('ASEAN', 'Association of Southeast Asian Nations', 'ASEAN'),
  igo('COLOMBO', 'Colombo Plan', 'Colombo Plan Secretariat'),
  igo('CARICOM', 'Caribbean Community', 'CARICOM'),
  igo('ECOWAS', 'Economic Community of West African States', 'ECOWAS'),
  igo('SCO', 'Shanghai Cooperation Organisation', 'SCO'),
  igo('CSTO', 'Collective Security Treaty Organization', 'CSTO'),
  igo('CIS', 'Commonwealth of Independent States', 'CIS'),
  igo('LAS', 'League of Arab States', 'Arab League', 'LAS'),
  igo('OSCE', 'Organization for Security and Co-operation in Europe', 'OSCE'),
  igo('OIC', 'Organisation of Islamic Cooperation', 'OIC'),
  igo('WCO', 'World Customs Organization', 'WCO'),
  igo('FATF', 'Financial Action Task Force', 'FATF'),
  igo('CARICC', 'Central Asian Regional Information and Coordination Centre', 'CARICC'),
  igo('GCC', 'Cooperation Council for the Arab States of the Gulf', 'Gulf Cooperation Council', 'GCC'),
  igo('SICA', 'Central American Integration System', 'SICA'),
  igo('CAN', 'Andean Community'),
  igo('MERCOSUR', 'Southern Common Market', 'MERCOSUR'),
  igo('CELAC', 'Community of Latin American and Caribbean States', 'CELAC'),
  igo('OECD', 'Organisation for Economic Co-operation and Development', 'OECD'),
  igo('ICRC', 'International Committee of the Red Cross', 'ICRC'),
];

/** Whoever presides: the importer's chair titles, as one entry. */
export const PRESIDING: readonly SeedEntry[] = [
  {
    key: 'chair:CHAIR',
    name: 'Chair',
    kind: 'chair',
    aliases: ['Chairperson', 'Chairman', 'Chairwoman', 'Vice-Chair', 'President', 'Moderator', 'Facilitator'],
  },
];
