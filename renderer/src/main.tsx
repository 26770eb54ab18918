import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, loadTheme } from './app/theme';
import './styles/app.css';

applyTheme(loadTheme());
// No StrictMode: its dev-only double rendering of every transcript block would hide real
// performance from the benchmark, which runs against the dev server.
createRoot(document.getElementById('root')!).render(<App />);
