/**
 * Generated frab schedules (JSON and XML) of any size, for the scale tests and the benchmark: the
 * c3voc layout with `days` of `rooms` of events, each with a guid, persons, links and an abstract.
 * Deterministic: the same count gives the same file.
 */

export interface GeneratedSchedule {
  json: string;
  xml: string;
  /** The events' titles in file order (day, room, time). */
  titles: string[];
}

const ROOMS = ['Main Hall', 'Room A', 'Room B', 'Room C', 'Workshop 1', 'Workshop 2'];
const WORDS = [
  'Scaling',
  'Postgres',
  'Rust',
  'Observability',
  'Kernels',
  'Mesh',
  'Privacy',
  'Compilers',
  'Design',
];
const SLOTS_PER_ROOM = 16; // 09:00 to 17:00, every 30 minutes

function guid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface GenerateOptions {
  /**
   * Characters of extra description text each event carries (real schedules average one to two
   * thousand: the 38C3 schedule.xml has 2.1 MB for 1,007 events). 0 keeps events small.
   */
  descriptionChars?: number;
}

/** Filler prose of `length` characters, the same for the same `seed`. */
function prose(seed: number, length: number): string {
  let text = '';
  for (let i = seed; text.length < length; i++)
    text += `${WORDS[(i * 7 + seed) % WORDS.length]!.toLowerCase()} and more words ${i % 97}. `;
  return text.slice(0, length);
}

/**
 * A frab schedule with `count` events over as many days as they need, in Asia/Tokyo (UTC+9 all
 * year, so the offsets of any day are right).
 */
export function generateFrabSchedule(count: number, options: GenerateOptions = {}): GeneratedSchedule {
  const extra = options.descriptionChars ?? 0;
  const perDay = ROOMS.length * SLOTS_PER_ROOM;
  const dayCount = Math.max(1, Math.ceil(count / perDay));
  const titles: string[] = [];
  const jsonDays: unknown[] = [];
  const xmlDays: string[] = [];
  let n = 0;
  for (let d = 0; d < dayCount; d++) {
    const date = new Date(Date.UTC(2026, 1, 1 + d)).toISOString().slice(0, 10);
    const rooms: Record<string, unknown[]> = {};
    const xmlRooms: string[] = [];
    for (const room of ROOMS) {
      const events: unknown[] = [];
      const xmlEvents: string[] = [];
      for (let s = 0; s < SLOTS_PER_ROOM && n < count; s++, n++) {
        const minutes = 9 * 60 + s * 30;
        const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const title = `${WORDS[n % WORDS.length]} in Practice, Part ${n + 1}`;
        titles.push(title);
        const abstract = `Talk ${n + 1} about ${WORDS[(n * 7) % WORDS.length]}: what worked, what did not, and the numbers. More at https://conf.example.org/talks/${n + 1}`;
        const persons = [`Speaker ${n % 997}`, `Co-speaker ${n % 389}`];
        const url = `https://conf.example.org/2026/schedule/event/${n + 1}/`;
        events.push({
          guid: guid(n + 1),
          id: n + 1,
          date: `${date}T${start}:00+09:00`,
          start,
          duration: '00:25',
          room,
          slug: `talk-${n + 1}`,
          url,
          title,
          subtitle: '',
          track: WORDS[(n * 3) % WORDS.length],
          type: 'talk',
          language: 'en',
          abstract,
          description: `<p>${abstract}</p>${extra ? `<p>${prose(n, extra)}</p>` : ''}`,
          persons: persons.map((name, i) => ({ id: (n % 997) * 2 + i + 1, public_name: name })),
          links: [{ url: `https://video.example.org/2026/talk-${n + 1}.mp4`, title: 'Video' }],
          attachments: [],
        });
        xmlEvents.push(
          `<event id="${n + 1}" guid="${guid(n + 1)}"><date>${date}T${start}:00+09:00</date><start>${start}</start>` +
            `<duration>00:25</duration><room>${escapeXml(room)}</room><slug>talk-${n + 1}</slug>` +
            `<url>${url}</url><title>${escapeXml(title)}</title><subtitle/><track>${WORDS[(n * 3) % WORDS.length]}</track>` +
            `<type>talk</type><language>en</language><abstract>${escapeXml(abstract)}</abstract>` +
            `<description>${escapeXml(`<p>${abstract}</p>${extra ? `<p>${prose(n, extra)}</p>` : ''}`)}</description>` +
            `<persons>${persons.map((name, i) => `<person id="${(n % 997) * 2 + i + 1}">${name}</person>`).join('')}</persons>` +
            `<links><link href="https://video.example.org/2026/talk-${n + 1}.mp4">Video</link></links></event>`,
        );
      }
      rooms[room] = events;
      xmlRooms.push(`<room name="${escapeXml(room)}">${xmlEvents.join('\n')}</room>`);
    }
    jsonDays.push({
      index: d + 1,
      date,
      day_start: `${date}T09:00:00+09:00`,
      day_end: `${date}T18:00:00+09:00`,
      rooms,
    });
    xmlDays.push(
      `<day index="${d + 1}" date="${date}" start="${date}T09:00:00+09:00" end="${date}T18:00:00+09:00">${xmlRooms.join('\n')}</day>`,
    );
  }
  const last = new Date(Date.UTC(2026, 1, dayCount)).toISOString().slice(0, 10);
  const conference = {
    acronym: 'gen2026',
    title: 'Generated Conference 2026',
    start: '2026-02-01',
    end: last,
    daysCount: dayCount,
    timeslot_duration: '00:05',
    time_zone_name: 'Asia/Tokyo',
  };
  const json = JSON.stringify({
    schedule: { version: '1.0', conference: { ...conference, days: jsonDays } },
  });
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<schedule><version>1.0</version><conference><acronym>gen2026</acronym>` +
    `<title>${conference.title}</title><start>2026-02-01</start><end>${last}</end><days>${dayCount}</days>` +
    `<timeslot_duration>00:05</timeslot_duration><time_zone_name>Asia/Tokyo</time_zone_name></conference>\n` +
    `${xmlDays.join('\n')}\n</schedule>\n`;
  return { json, xml, titles };
}
