import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { loadPopupPage } from '@/entrypoints/popup/load-page';
import '@/components/theme.css';

render(<PopupApp load={() => loadPopupPage(location.search)} />, document.getElementById('app')!);
