import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { createAppServices, ServicesProvider, setRunningServices } from './app/services';
import { applyTheme, loadTheme } from './app/theme';
import './styles/app.css';

// zod would otherwise probe for eval (new Function) to compile faster parsers; the app's
// content security policy forbids eval, so every probe would be a CSP violation report.
z.config({ jitless: true });
applyTheme(loadTheme());
// No StrictMode: in development it mounts every effect twice (starting the session, and so
// storing the demo, twice) and doubles the work of each transcript block in the dev server
// the end-to-end tests drive.
// The app's services are made once, here, and reach components by context (services.tsx).
const services = createAppServices();
setRunningServices(services);
createRoot(document.getElementById('root')!).render(
  <ServicesProvider value={services}>
    <App />
  </ServicesProvider>,
);
