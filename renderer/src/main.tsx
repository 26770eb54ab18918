import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, loadTheme } from './app/theme';
import './styles/app.css';

applyTheme(loadTheme());
// No StrictMode: in development it mounts every effect twice (starting the session, and so
// storing the demo, twice) and doubles the work of each transcript block in the dev server
// the end-to-end tests drive.
createRoot(document.getElementById('root')!).render(<App />);
