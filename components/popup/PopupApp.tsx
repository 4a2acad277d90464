import { useEffect, useRef, useState } from 'preact/hooks';
import type { PagePreview, PopupPage, TabPage } from '@/core/page-view';
import { describeStorageError } from '@/core/storage-errors';
import type { TalkNotesDatabase } from '@/storage/db';
import { type PageBridge, usePopupActions } from '../data/popup-actions';
import { useMarkdownExport } from '../data/useMarkdownExport';
import { usePageNotes } from '../data/usePageNotes';
import { useArchivePosts } from '../data/useArchivePosts';
import { usePostOffer } from '../data/usePostOffer';
import { useStorageProblem } from '../data/useStorageProblem';
import { PageChooser } from './PageChooser';
import { PopupPageNotes } from './PopupPageNotes';
import { PostLinkOffer } from './PostLinkOffer';

interface Props {
  load: () => Promise<PopupPage>;
  /** The library: only the container hooks (components/data/) read and write it. */
  db: TalkNotesDatabase;
  bridge: PageBridge;
  dashboardUrl?: string;
  /** Locale for dates; the browser's by default. */
  locale?: string;
}

/**
 * The toolbar popup: the current page, its highlights by talk, and what can be done with them. The
 * popup's root: it takes the database to the container hooks (components/data/) and hands every other
 * component data and callbacks.
 */
export function PopupApp({ load, db, bridge, dashboardUrl = 'dashboard.html', locale }: Props) {
  const [page, setPage] = useState<PopupPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const main = useRef<HTMLElement>(null);
  const storageProblem = useStorageProblem(db);
  useEffect(() => {
    load().then(setPage, (e: unknown) => setError(describeStorageError(e)));
  }, [load]);
  // A tab with same-origin frames offers their pages too; the reader picks one (PageChooser).
  const [chosen, setChosen] = useState<TabPage | null>(null);
  // Its notes would never load from a database that cannot open.
  const tabPage =
    page?.kind === 'page' && !storageProblem
      ? chosen
        ? { ...page, url: chosen.url, title: chosen.title, posts: undefined }
        : page
      : null;
  // A page the reader has just linked to a post shown elsewhere (#18) is that post's page now.
  const postOffer = usePostOffer(db, tabPage, bridge);
  const [linkedTo, setLinkedTo] = useState<{ from: string; post: string } | null>(null);
  const shown =
    tabPage && linkedTo?.from === tabPage.url
      ? { ...tabPage, url: linkedTo.post, posts: undefined }
      : tabPage;
  const view = usePageNotes(db, shown?.url ?? null);
  const posts = useArchivePosts(db, shown?.posts ?? null);
  // What the page says of itself before the first clip: its real title and site, the talks on it.
  const [preview, setPreview] = useState<PagePreview | null>(null);
  const previewOf = shown && `${shown.tabId} ${shown.url}`;
  useEffect(() => {
    setPreview(null);
    if (!shown || !bridge.preview) return;
    let current = true;
    bridge.preview(shown.tabId, shown.url).then(
      (answer) => current && setPreview(answer),
      () => {}, // the page cannot say: the tab's title and host stay
    );
    return () => {
      current = false;
    };
  }, [previewOf]);
  const actions = usePopupActions(db, shown, bridge);
  const exporter = useMarkdownExport(shown && db);

  return (
    // Busy while the page's post is looked up (#18): a question may yet appear above its notes.
    <main class="popup" tabIndex={-1} ref={main} aria-busy={postOffer.pending}>
      <header class="bar">
        <h1>Talk Notes</h1>
        <a href={dashboardUrl} target="_blank" rel="noreferrer">
          Open dashboard
        </a>
      </header>
      {storageProblem && <p role="alert">{storageProblem}</p>}
      {error && <p role="alert">Could not load this page: {error}</p>}
      {!page && !error && <p aria-busy="true">Loading…</p>}
      {page?.kind === 'unreachable' && <Unreachable />}
      {shown?.pages && <PageChooser pages={shown.pages} shown={shown.url} onChoose={setChosen} />}
      {tabPage && postOffer.offer && (
        <PostLinkOffer
          offer={postOffer.offer}
          onAnswer={(linked) => {
            const { post } = postOffer.offer!;
            void postOffer.answer(linked).then(
              () => linked && setLinkedTo({ from: tabPage.url, post }),
              (e: unknown) => setError(describeStorageError(e)),
            );
          }}
        />
      )}
      {shown &&
        (view && actions ? (
          <PopupPageNotes
            key={shown.url}
            page={shown}
            preview={preview}
            posts={posts ?? []}
            {...view}
            actions={actions}
            exporter={exporter}
            dashboardUrl={dashboardUrl}
            locale={locale}
            onFocusOut={() => main.current?.focus()}
          />
        ) : (
          <p aria-busy="true">Loading…</p>
        ))}
    </main>
  );
}

function Unreachable() {
  return (
    <section class="unreachable" aria-label="Current page">
      <p>
        <strong>Talk Notes cannot work on this page.</strong>
      </p>
      <p>
        Browser pages (such as chrome:// or about: pages), the extension store and local files are off limits
        to extensions. Open a conference write-up on the web to clip passages from it.
      </p>
      <p class="hint">A tab that was open before Talk Notes was installed needs a reload first.</p>
    </section>
  );
}
