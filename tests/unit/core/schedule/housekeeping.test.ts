// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isHousekeeping } from '@/core/schedule/housekeeping';

describe('isHousekeeping', () => {
  it.each([
    'Lunch',
    'Coffee Break',
    'Coffee break (30 min)',
    '☕ Coffee & Tea',
    'Morning coffee',
    'Afternoon Break',
    'Break',
    'BREAK',
    'Registration',
    'Registration & Breakfast',
    'Check-in',
    'Doors open',
    'Venue opens',
    'Room closed',
    'Dinner',
    'Lunch break – 60 minutes',
    'Networking lunch',
    'Welcome reception',
    'Pause',
    'Mittagspause',
    'Kaffeepause',
    'Mittagessen',
    'Einlass und Anmeldung',
    'Pause café',
    'Déjeuner',
    'Almuerzo',
    'Comida',
    'Pausa caffè',
    'Almoço',
    'Koffiepauze',
    'Przerwa kawowa',
    '休憩',
    '昼休み（60分）',
    '受付',
    '午餐',
    '茶歇',
    '점심 시간',
    'ＬＵＮＣＨ',
  ])('%j is housekeeping', (title) => {
    expect(isHousekeeping(title)).toBe(true);
  });

  it.each([
    'Lunch and Learn: Kafka',
    'Breaking Changes in React',
    'Coffee with the Kernel Maintainers',
    'Opening Ceremony',
    'Opening Keynote',
    'Closing Remarks',
    'Closed Captioning for Live Video',
    'The Registration Form Is Your Product',
    'Break the Monolith',
    'Breakfast of Champions: Monitoring at Scale',
    'Networking in Kubernetes',
    'Pausable Streams in Node.js',
    'Tea: A Terminal Emulator',
    'Keynote',
    '',
    'Lunch '.repeat(30),
  ])('%j is not housekeeping', (title) => {
    expect(isHousekeeping(title)).toBe(false);
  });

  it.each([
    ['Community Hour', 'break', true],
    ['Grab a bite', 'Meal', true],
    ['Something', 'Breaks', true],
    ['Lunch and Learn: Kafka', 'workshop', false],
    ['Mesh Networks', 'lecture', false],
    ['Mesh Networks', null, false],
  ])('%j of type %j -> %j', (title, type, expected) => {
    expect(isHousekeeping(title, type)).toBe(expected);
  });
});
