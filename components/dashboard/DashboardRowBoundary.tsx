import { Component, type ComponentChildren } from 'preact';

interface Props {
  children: ComponentChildren;
  /** Roving tabindex: the fallback stays the row reachable with Tab when the row was. */
  tabbable: boolean;
}

interface State {
  error: string | null;
}

/**
 * One row of the dashboard's list behind its own error boundary: a record that cannot be shown
 * (damaged data from an old version, a file, another browser) costs its own row, in words, instead
 * of blanking the whole dashboard. Give it the row's key, so a row reused for another record starts
 * afresh.
 */
export class DashboardRowBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Talk Notes: a row of the dashboard could not be shown', error);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div class="dash-row-error" role="note" tabIndex={this.props.tabbable ? 0 : -1}>
        This row could not be shown: its record is damaged ({this.state.error}). The rest of the library is
        not affected.
      </div>
    );
  }
}
