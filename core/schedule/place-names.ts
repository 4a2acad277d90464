/**
 * A place's names in other languages: a page names the conference in its own language ("파이콘 한국
 * 2024" for PyCon Korea 2024, "DevFest München" for DevFest Munich), and the schedule in the organisers'
 * English or their own. Countries and the cities conferences are held in whose names are not one
 * another's spelling (a name spelt across scripts, "서울" / Seoul, is read by its sound in
 * conference-named.ts; one letter changed, "Lisboa" / Lisbon, too). One place a line, its names
 * separated by "|".
 */
import { foldText, titleWords } from './normalize';

const PLACES = `Korea|한국|대한민국
Japan|日本|일본
China|中国|中國
Taiwan|台湾|台灣
India|भारत|ভারত|இந்தியா
Russia|Россия
Ukraine|Україна|Украина
Egypt|مصر
Greece|Ελλάδα|Hellas
Israel|ישראל
Georgia|საქართველო
Armenia|Հայաստան
Thailand|ประเทศไทย
Germany|Deutschland
Austria|Österreich
Switzerland|Schweiz|Suisse|Svizzera
Poland|Polska
Czechia|Česko
Hungary|Magyarország
Spain|España
Italy|Italia
Brazil|Brasil
Netherlands|Nederland
Belgium|België|Belgique
Sweden|Sverige
Norway|Norge
Denmark|Danmark
Finland|Suomi
Turkey|Türkiye
Croatia|Hrvatska
Serbia|Srbija|Србија
Slovenia|Slovenija
Lithuania|Lietuva
Latvia|Latvija
Estonia|Eesti
Munich|München
Vienna|Wien
Prague|Praha
Warsaw|Warszawa
Krakow|Kraków|Cracow
Cologne|Köln
Kyiv|Kiev|Київ|Киев
Bucharest|București
Belgrade|Beograd|Београд
Athens|Αθήνα
Rome|Roma
Florence|Firenze
Naples|Napoli
Turin|Torino
Venice|Venezia
Geneva|Genève|Genf
Brussels|Bruxelles|Brussel
Antwerp|Antwerpen
Copenhagen|København
Gothenburg|Göteborg
Seville|Sevilla
Tokyo|東京
Osaka|大阪
Beijing|北京
Shanghai|上海
Shenzhen|深圳
Hangzhou|杭州
Taipei|台北|臺北
Hong Kong|香港
Tbilisi|თბილისი`;

/** Each name (its words folded as titles are, written together) with the place's other names. */
const OTHER_NAMES = new Map<string, string[]>();
for (const line of PLACES.split('\n')) {
  const names = line.split('|').map((name) => titleWords(foldText(name)).join(''));
  for (const name of names)
    OTHER_NAMES.set(name, [...(OTHER_NAMES.get(name) ?? []), ...names.filter((n) => n !== name)]);
}

/** The other names of the place a (folded) title word names, or none. */
export function otherPlaceNames(word: string): readonly string[] {
  return OTHER_NAMES.get(word) ?? [];
}
