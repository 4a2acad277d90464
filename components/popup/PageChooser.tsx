import type { TabPage } from '@/core/page-view';

interface Props {
  /** The tab's top page first, then the pages of its same-origin frames. */
  pages: readonly TabPage[];
  /** URL of the page shown. */
  shown: string;
  onChoose: (page: TabPage) => void;
}

/**
 * Which page of the tab the popup is about, when the tab embeds pages of its own site in frames: each
 * framed page keeps its own highlights (README "Frames"), so the reader picks the page to see.
 */
export function PageChooser({ pages, shown, onChoose }: Props) {
  return (
    <label class="page-chooser">
      Page in this tab
      <select
        value={shown}
        onChange={(event) => {
          const page = pages.find((p) => p.url === event.currentTarget.value);
          if (page) onChoose(page);
        }}
      >
        {pages.map((page) => (
          <option key={page.url} value={page.url}>
            {page.framed ? `Embedded: ${page.title}` : `This page: ${page.title}`}
          </option>
        ))}
      </select>
    </label>
  );
}
