// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { titleForm } from '@/core/schedule/normalize';
import { sessionFormat } from '@/core/schedule/session-format';

const format = (title: string) => {
  const { key, stripped } = sessionFormat(titleForm(title));
  return { key, stripped: stripped.map((s) => s.words.join(' ')) };
};

describe('sessionFormat', () => {
  it.each([
    ['Observability for Busy Teams (Workshop)', 'hands-on', ['observability for busy teams']],
    ['Hands-on Lab: Observability for Busy Teams', 'hands-on', ['observability for busy teams']],
    ['Observability: A Hands-on Workshop', 'hands-on', ['observability']],
    ['Workshop — Building a CLI in Go', 'hands-on', ['building a cli in go']],
    ['Tutorial: Property-Based Testing in Python', 'hands-on', ['property based testing in python']],
    ['Kubernetes Security Training', 'hands-on', ['kubernetes security']],
    ['Intro to Rust (2 hours, hands-on)', 'hands-on', ['intro to rust']],
    ['Masterclass: Designing Data APIs', 'hands-on', ['designing data apis']],
    ['Atelier : accessibilité des formulaires', 'hands-on', ['accessibilite des formulaires']],
    ['Taller de Rust para principiantes', 'hands-on', ['rust para principiantes']],
    ['Rustで作るWebAssembly入門【ハンズオン】', 'hands-on', ['rust で作る webassembly 入門']],
    ['Kubernetes Networking Deep Dive', 'deep-dive', ['kubernetes networking']],
    ['A Deep Dive into eBPF Maps', 'deep-dive', ['ebpf maps']],
    ['Operators from Scratch (Part 2)', 'part 2', ['operators from scratch']],
    ['Operators from Scratch, Part 2', 'part 2', ['operators from scratch']],
    ['Terraform at Scale - Teil II', 'part ii', ['terraform at scale']],
    ['Securing CI/CD (Repeat)', 'repeat', ['securing ci cd']],
    ['Securing CI/CD (Workshop, repeat)', 'hands-on+repeat', ['securing ci cd']],
  ])('%s: %s', (title, key, stripped) => {
    expect(format(title)).toEqual({ key, stripped });
  });

  it.each([
    'Training Neural Networks on a Budget',
    'Building a Workshop Scheduler',
    'Deep Learning for Audio',
    'Repeat After Me: Idempotent APIs',
    'Part of the Problem',
    'Lab Notes from a Year of On-Call',
    'Workshop',
    'Scaling Postgres (video)',
    'Lessons Learned: A Case Study',
  ])('%s names no session format', (title) => {
    expect(format(title)).toEqual({ key: '', stripped: titleForm(title).map((s) => s.words.join(' ')) });
  });
});
