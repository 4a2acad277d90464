import { render } from 'preact';
import { DashboardApp } from '@/components/DashboardApp';
import { database } from '@/storage/db';
import '@/components/theme.css';

render(<DashboardApp db={database()} />, document.getElementById('app')!);
