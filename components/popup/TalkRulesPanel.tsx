import { useId } from 'preact/hooks';
import { TALK_FORMS, type TalkForm, type TalkRules } from '@/core/talks/rules';

interface Props {
  rules: TalkRules;
  onForm: (form: TalkForm | null) => void;
  onForgetLine: (key: string) => void;
  onForgetAll: () => void;
}

const FORM_LABELS: Record<TalkForm, string> = {
  h1: 'h1 headings',
  h2: 'h2 headings',
  h3: 'h3 headings',
  h4: 'h4 headings',
  h5: 'h5 headings',
  h6: 'h6 headings',
  line: 'bold lines',
  item: 'bold list items',
  term: 'definition terms',
  row: 'table rows',
  toggle: 'toggles (summary lines)',
  card: 'link cards',
  prose: 'paragraphs that introduce a talk',
  block: 'first lines of repeated blocks',
};

/**
 * What the reader taught talk detection on this site: the form of talk titles (chosen here), and the
 * lines they said are not talks (learned from "Not a talk"), each of which can be forgotten.
 */
export function TalkRulesPanel({ rules, onForm, onForgetLine, onForgetAll }: Props) {
  const formId = useId();
  const hasRules = rules.notTalks.length > 0 || rules.talkForm !== null;
  return (
    <section class="talk-rules" aria-label="Talk detection on this site">
      <p class="talk-rules-summary">
        Talk titles on this site:{' '}
        <strong>
          {rules.talkForm ? `${FORM_LABELS[rules.talkForm]}, as you chose` : 'detected on each page'}
        </strong>
      </p>
      <label for={formId}>Talk titles are</label>{' '}
      <select
        id={formId}
        value={rules.talkForm ?? ''}
        onChange={(e) => onForm((e.currentTarget.value || null) as TalkForm | null)}
      >
        <option value="">detected on each page</option>
        {TALK_FORMS.map((form) => (
          <option key={form} value={form}>
            {FORM_LABELS[form]}
          </option>
        ))}
      </select>
      {rules.notTalks.length > 0 && (
        <>
          <p>Not talks on this site, learned from your edits:</p>
          <ul class="not-talks">
            {rules.notTalks.map((line) => (
              <li key={line.key}>
                <span>
                  “{line.text}” ({line.as === 'part' ? 'part of the talk above' : 'no talk'})
                </span>{' '}
                <button
                  type="button"
                  class="small"
                  aria-label={`Forget “${line.text}”`}
                  onClick={() => onForgetLine(line.key)}
                >
                  Forget
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {hasRules && (
        <button type="button" class="small" onClick={onForgetAll}>
          Forget this site’s rules
        </button>
      )}
      <p class="hint">
        New clips use these rules; “Detect talks again” in the dashboard applies them to a page.
      </p>
    </section>
  );
}
