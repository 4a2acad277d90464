import { describe, expect, it } from 'vitest';
import { findSpeakers } from '@/core/talks';

describe('findSpeakers', () => {
  it.each([
    // From the conference blog (tests/fixtures/pages/conference-*.html).
    [
      'Integrating OSS in industrial environments - by Siemens',
      'The third keynote was given by Siemens, a 170 year old, 350k employees rich German corporation.',
      [], // a company, and a single name: no person
    ],
    [
      'Container orchestration - the state of play',
      'In his talk Michael Bright gave an overview of current container orchestration systems. In his talk he went into some details.',
      ['Michael Bright'],
    ],
    [
      'Nobody puts Java in a container',
      'Jörg Schad from Mesosphere gave an introduction to how container technolgies like Docker really work.\nHe started off by explaining the advantages of containers.',
      ['Jörg Schad'],
    ],
    [
      'Limux - the loss of a lighthouse',
      'In his talk, Matthias Kirschner gave an overview of Limux - the Linux rolled out for the Munich administration project.',
      ['Matthias Kirschner'],
    ],
    [
      "Dude, Where's My Microservice",
      "In his talk Dude, Where's My Microservice? - Tomasz Janiszewski from Allegro gave an introduction to what projects like Marathon on Apache Mesos can do.",
      ['Tomasz Janiszewski'],
    ],
    [
      'Trolling != Enforcement',
      "The afternoon for me started with a very valuable talk by Shane Coughlan on how Trolling doesn't equal enforcement. Shane started off by explaining some of the history.",
      ['Shane Coughlan'],
    ],
    [
      'Kernel live patching',
      "Following Tomas Tomecek's talk on how to get from Dockerfiles to Ansible Containers I went to a talk that was given by Miroslav Benes from SuSE on Linux kernel live patching.",
      ['Miroslav Benes'],
    ],
    [
      'Linus Torvalds Q&A',
      'The last keynote of the day was an on stage interview with Linus Torvalds. The introduction to this kind of format was lovely.',
      ['Linus Torvalds'],
    ],
    [
      'Goal - question - metric approach to community measurement',
      'In his talk on applying goals question metrics to software development management Jose Manrique Lopez de la Fuente explained how to successfully choose and use metrics in OSS projects.',
      ['Jose Manrique Lopez de la Fuente'],
    ],
    [
      'The TAO of Hashicorp',
      'In the second keynote Hashimoto gave an overview of the Tao of Hashicorp.',
      [], // a single name: it could as well be a company (see Siemens above)
    ],
    [
      'Open Source Summit - Day 3',
      'Open source summit Wednesday started with a keynote by members of the Banks family telling a packed room on how they approached raising a tech family.',
      [],
    ],
    // Title forms.
    ['Scaling Postgres (Jane Doe)', 'She explained how to shard.', ['Jane Doe']],
    ['Scaling Postgres (Jane Doe & John Roe)', '', ['Jane Doe', 'John Roe']],
    ['Scaling Postgres — by Jane Doe', '', ['Jane Doe']],
    ['Keynote by Jane Doe', '', ['Jane Doe']],
    ['Jane Doe: Scaling Postgres', 'Jane showed how to shard a database.', ['Jane Doe']],
    ['Søren Ødegård - Federated search', 'Ødegård gave a tour of the index.', ['Søren Ødegård']],
    // Looks like a name in the title, but nothing says anyone spoke: no speaker rather than a wrong one.
    ['Apache Kafka - a deep dive', 'Apache Kafka is a streaming platform. It scales.', []],
    ['Jane Doe: Scaling Postgres', 'The slides are online.', []],
    ['Kafka in production (Part 2)', '', []],
    ['Streaming at scale (Apache Kafka 3.0)', '', []],
    ['Death by PowerPoint', '', []],
    ['Docker Swarm explained', '', []],
    ['Goal - question - metric approach', '', []],
    // Text forms.
    ['Opening', 'Yesterday Michael Bright gave the opening talk.', ['Michael Bright']],
    ['Panel', 'On Monday Jane Doe and John Roe presented their work on Rust.', ['Jane Doe', 'John Roe']],
    ['Rust', 'Dr. Jane Doe (Mozilla) explained the borrow checker.', ['Jane Doe']],
    ['Rust', 'He gave a talk on the borrow checker. She explained it again.', []],
    ['Rust', 'The talk sponsored by Google Cloud was about the borrow checker.', []],
    ['Rust', 'In his talk on working with Docker Swarm he showed a demo.', []],
    ['Rust', 'The Open Source Summit opened with a keynote. Red Hat kicked off the day.', []],
    ['Rust', 'Going into details Michael showed the huge takeup of Kubernetes.', []], // one name, no talk context
  ])('%s | %s', (title, text, expected) => {
    expect(findSpeakers(title, text)).toEqual(expected);
  });

  // Other languages (speaker-phrases.ts): a talk word and the word that introduces its speaker, a phrase
  // that introduces a speaker on its own, a speaking verb after the name, a label, a particle after an honorific.
  it.each([
    ['Größenwahn in Microservices', 'Ein Vortrag von Jörg Weiß über zu große Dienste.', ['Jörg Weiß']],
    ['Größenwahn in Microservices', 'Sophie Groß zeigte, wie man Dienste schneidet.', ['Sophie Groß']],
    ['Größenwahn', 'Sophie Groß, Architektin bei Acme, erklärte den Schnitt.', ['Sophie Groß']],
    ['Kotlin', 'Die Keynote eröffnete Jana Novak nicht.', []], // no name before the verb
    ['Kotlin', 'Angela Merkel zeigte sich beeindruckt von der Messe.', []], // "zeigte sich": no talk
    ['Kotlin', 'Ein Vortrag, organisiert von Jana Novak und Tim Berg.', []], // organisers, not speakers
    ['Le JIT', 'Une présentation de Marie Dupont sur la compilation.', ['Marie Dupont']],
    ['Le JIT', 'Une session présentée par Marie Dupont et Paul Martin.', ['Marie Dupont', 'Paul Martin']],
    ['Le JIT', 'Marie Dupont a présenté la compilation à plusieurs niveaux.', ['Marie Dupont']],
    [
      'Le logiciel libre a-t-il gagné ?',
      'Sylvie Marchand, qui a passé vingt ans à maintenir des bibliothèques utilisées par des millions de développeurs, a ouvert la conférence avec une question.',
      ['Sylvie Marchand'],
    ],
    ['Le JIT', 'Marie Dupont a ouvert son ordinateur.', []], // opened, but no talk or event
    ['Feature flags', 'La charla de Ana García fue la mejor del día.', ['Ana García']],
    ['Feature flags', 'Observabilidad de la mano de Ana García, ingeniera de plataforma.', ['Ana García']],
    ['Feature flags', 'Ana García presentó su experiencia con tres mil flags.', ['Ana García']],
    ['Tecnologia', 'Beatriz Albuquerque abriu o evento sem nenhum slide de código.', ['Beatriz Albuquerque']],
    ['Tecnologia', 'Uma palestra apresentada por Diego Martins sobre filas.', ['Diego Martins']],
    ['Test', 'Marco Rossi ha mostrato come testare il codice numerico.', ['Marco Rossi']],
    ['Test', 'Een lezing door Sanne de Wit over records.', ['Sanne de Wit']],
    ['Test', 'Sanne de Wit liet zien hoe records werken.', ['Sanne de Wit']],
    ['型ヒント', '午後は鈴木花子さんの発表から。型ヒントの話でした。', ['鈴木花子']],
    ['型ヒント', '鈴木 花子氏による講演では型ヒントが中心でした。', ['鈴木 花子']],
    ['型ヒント', '登壇者: 鈴木花子さん\n型ヒントの話でした。', ['鈴木花子']],
    ['型ヒント', 'スピーカー：鈴木 花子\n型ヒントの話でした。', ['鈴木 花子']],
    ['型ヒント', '鈴木花子さんの本を読みました。', []], // a book, not a talk
    ['构建工具', '赵一帆老师的分享很实用。', ['赵一帆']],
    ['측정', '김지은 님의 발표는 측정에 관한 것이었다.', ['김지은']],
    [
      'Mesh',
      'At QCon San Francisco 2024, Hana Kovač, principal engineer at Brightwell Freight, explained why.',
      ['Hana Kovač'],
    ],
  ])('%s | %s', (title, text, expected) => {
    expect(findSpeakers(title, text)).toEqual(expected);
  });

  // Handles (handles.ts): a byline of handles right under the title names the speakers.
  it.each([
    ['Streams', 'by @orlakeating\nOrla Keating Follow\nNode.js collaborator.', ['Orla Keating']],
    ['Permissions', 'by @tessaq\nTessa Quinlan maintains the deployment tooling.', ['Tessa Quinlan']],
    [
      'Undici',
      'by @bnowicki and @sade_codes\nBartek Nowicki and Sade Adeyemi work on payments.',
      ['Bartek Nowicki', 'Sade Adeyemi'],
    ],
    ['Streams', 'by @orlakeating\nThe opening keynote defended streams.', ['@orlakeating']],
    ['Streams', 'Jane (@jd)\nShe defended streams.', ['@jd']],
    ['Streams', 'by @jd\nTessa Quinlan asked the first question.', ['@jd']], // a name the handle does not spell
    ['Streams', 'Follow @nodeconf for the videos.\nThe keynote defended streams.', []], // not a byline
  ])('%s | %s', (title, text, expected) => {
    expect(findSpeakers(title, text)).toEqual(expected);
  });

  it('reads only the opening of the section', () => {
    const text = `${'Some prose about containers. '.repeat(30)}Later Jane Doe gave a talk on Rust.`;
    expect(findSpeakers('Containers', text)).toEqual([]);
  });

  it('keeps the longest form of a name once', () => {
    const text = 'Jörg Schad from Mesosphere gave an introduction. In his talk, Jörg Schad gave more.';
    expect(findSpeakers('Nobody puts Java in a container (Jörg Schad)', text)).toEqual(['Jörg Schad']);
  });

  it('stays fast on long runs of capitalized words', () => {
    const text = 'The Quick Brown Fox Jumps Over The Lazy Dog And '.repeat(30);
    const started = performance.now();
    expect(findSpeakers(text, text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
