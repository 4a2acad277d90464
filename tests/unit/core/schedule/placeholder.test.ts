// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isPlaceholderSlot } from '@/core/schedule/placeholder';

describe('isPlaceholderSlot', () => {
  it.each([
    '[MOVED] A month with free-threaded Python (and what broke)',
    '(Cancelled) Kubernetes Security at Scale',
    'CANCELED: Rust in the Linux Kernel',
    'Abgesagt – Kafka ohne Zookeeper',
    'Observability for Humans (moved to Thursday, 14:00)',
    'Scaling Postgres [POSTPONED]',
    '【中止】型ヒントで守る大規模Djangoアプリケーション',
    '[Annulé] Le JIT expliqué à ma grand-mère',
    'Cancelado: Feature flags sem dívida técnica',
    '[REPROGRAMADO] Observabilidad sin dolor',
    'Riprogrammato: Micro-frontend in produzione',
    'Тестирование без моков (перенесено)',
    '[СКАСОВАНО] E2E-тести, які не падають',
    '[ODWOŁANE] Event sourcing w bankowości',
    'İPTAL: Mikroservislerde gözlemlenebilirlik',
    'MOVED TO THURSDAY: Platform Teams are Product Teams',
    'CANCELLED FROM ROOM B - Observability for Humans',
  ])('%s is a placeholder', (title) => {
    expect(isPlaceholderSlot(title)).toBe(true);
  });

  it.each([
    'Cancelled Flights: Lessons from Airline Operations',
    'Moved Fast, Broke Things, Wrote a Postmortem',
    'How We Postponed Our Rewrite (and Why)',
    'Workshop: Kubernetes Operators (Part 2)',
    'Dropped Packets and Where to Find Them',
    'Moved to Rust: A Year Later',
    'Moved to Kubernetes - What We Learned',
    'Iptables Without Tears',
  ])('%s is a talk', (title) => {
    expect(isPlaceholderSlot(title)).toBe(false);
  });
});
