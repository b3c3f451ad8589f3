/**
 * Names the importer recognises as delegations, so that "Peru. We give great importance..." opens
 * a statement while "Brazil is a good example, ..." does not. Member states (with the short forms
 * records actually use), observers, regional groups, UN entities and intergovernmental bodies
 * that speak at CND meetings. Not exhaustive by design: unknown names are still recognised by
 * shape ("Name, Organisation.", acronyms, colon openers).
 */
import { registryEntryFor } from './registryIndex.ts';

const MEMBER_STATES = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Plurinational State of Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Brunei|Bulgaria|Burkina Faso|
Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Congo|Costa Rica|Côte d'Ivoire|Cote d'Ivoire|Croatia|Cuba|Cyprus|Czechia|Czech Republic|
Democratic People's Republic of Korea|Democratic Republic of the Congo|DRC|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|
Hungary|Iceland|India|Indonesia|Iran|Islamic Republic of Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|
Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Lao People's Democratic Republic|Laos|Latvia|Lebanon|Lesotho|Liberia|
Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
Mauritania|Mauritius|Mexico|Micronesia|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|
Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Republic of Korea|South Korea|Korea|
Republic of Moldova|Moldova|Romania|Russian Federation|Russia|Rwanda|Saint Kitts and Nevis|Saint Lucia|
Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|
Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|
Suriname|Sweden|Switzerland|Syrian Arab Republic|Syria|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|
Trinidad and Tobago|Tunisia|Türkiye|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|
United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|United Republic of Tanzania|Tanzania|
United States|United States of America|USA|US|Uruguay|Uzbekistan|Vanuatu|Venezuela|
Bolivarian Republic of Venezuela|Viet Nam|Vietnam|Yemen|Zambia|Zimbabwe|Holy See|State of Palestine|Palestine`;

const UN_ENTITIES = `UNODC|United Nations Office on Drugs and Crime|INCB|International Narcotics Control Board|WHO|
World Health Organization|UNAIDS|OHCHR|UNDP|UNICEF|UNESCO|UN Women|UNHCR|ILO|FAO|UNICRI|UNITAR|UNOV|
Secretariat|CND Secretariat|Secretary|Office of the High Commissioner for Human Rights|
United Nations Development Programme|World Bank|IMF|UN-Habitat|UNFPA|WFP|IAEA|UNOPS|DPO|OCHA`;

const INTERGOVERNMENTAL = `European Union|EU|European Commission|Council of the European Union|African Union|AU|
Interpol|INTERPOL|Europol|EMCDDA|EUDA|European Union Drugs Agency|Council of Europe|Pompidou Group|OAS|CICAD|
Organization of American States|ASEAN|Colombo Plan|Colombo Plan Secretariat|CARICOM|ECOWAS|SCO|CSTO|CIS|
League of Arab States|Arab League|OSCE|Paris Pact|Group of 77 and China|Group of 77|G77|G-77|African Group|
Asia-Pacific Group|GRULAC|Group of Latin American and Caribbean States|Western European and Other States Group|WEOG|
Eastern European Group|Non-Aligned Movement|NAM|CELAC|MERCOSUR|Andean Community|SICA|Gulf Cooperation Council|
GCC|Organisation of Islamic Cooperation|OIC|World Customs Organization|WCO|FATF|Financial Action Task Force`;

const CIVIL_SOCIETY = `IDPC|International Drug Policy Consortium|VNGOC|Vienna NGO Committee on Drugs|NYNGOC|
Civil Society Task Force|CSTF|Harm Reduction International|HRI|WFAD|World Federation Against Drugs|
INPUD|Transform Drug Policy Foundation|Open Society Foundations|Human Rights Watch|Amnesty International|
International Harm Reduction Association|Youth RISE|Students for Sensible Drug Policy|SSDP|
Global Commission on Drug Policy|ICEERS|Dianova|San Patrignano|FAAAT|IEPES`;

/** Titles used for whoever presides: "Chair:", "Chairperson.", "Vice-Chair:". */
const CHAIR_TITLES = `Chair|Chairperson|Chairman|Chairwoman|Chair of the CND|CND Chair|Vice-Chair|Vice Chair|
President|Presiding Officer|Moderator|Facilitator`;

function toSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split('|')
      .map((n) => n.replace(/\s+/g, ' ').trim().toLowerCase())
      .filter(Boolean),
  );
}

const memberStates = toSet(MEMBER_STATES);
const unEntities = toSet(UN_ENTITIES);
const intergovernmental = toSet(INTERGOVERNMENTAL);
const civilSociety = toSet(CIVIL_SOCIETY);
const chairTitles = toSet(CHAIR_TITLES);

/** What the built-in lists know about a name. */
export type NameCategory = 'chair' | 'member-state' | 'un-entity' | 'intergovernmental' | 'civil-society';

/** Normalise for lookup: case, curly apostrophes, a leading "the", surrounding spaces. */
function key(name: string): string {
  return name.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().replace(/^the /i, '').toLowerCase();
}

/** The category of a known name, or null for a name the lists do not hold. */
export function categoryOf(name: string): NameCategory | null {
  const k = key(name);
  if (chairTitles.has(k)) return 'chair';
  if (memberStates.has(k)) return 'member-state';
  if (unEntities.has(k)) return 'un-entity';
  if (intergovernmental.has(k)) return 'intergovernmental';
  if (civilSociety.has(k)) return 'civil-society';
  return null;
}

/** Whether a name is one the importer knows (a delegation, body or chair title, or in the registry). */
export function isKnownName(name: string): boolean {
  return categoryOf(name) !== null || registryEntryFor(name) !== undefined;
}

/** Names read with "the" in running text ("on behalf of the European Union"). */
export function takesArticle(name: string): boolean {
  return /^(European|African|Asia-Pacific|Group|Non-Aligned|League|Arab League|Organi[sz]ation|Council|Commission|Russian Federation|Netherlands|Philippines|Holy See|United (States|Kingdom|Republic|Arab)|Republic|Bahamas|Gambia|Gulf|Colombo|Andean|Western|Eastern|Paris Pact|Civil Society|Secretariat)/.test(
    name,
  );
}
