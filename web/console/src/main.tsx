import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ProblemError } from './api/client.ts';
import { App } from './App.tsx';
import './i18n.ts';
import { sessionKey, switchSession } from './session.ts';
import './styles.css';

/** An answer saying the session is gone sends the console back to the sign-in form. */
const whenSignedOut = (error: unknown) => {
  if (error instanceof ProblemError && error.problem.status === 401 && queries.getQueryData(sessionKey)) {
    switchSession(queries, null);
    sessionStorage.setItem('kopilka.expired', '1');
  }
};
const queries: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: whenSignedOut }),
  mutationCache: new MutationCache({ onError: whenSignedOut }),
  defaultOptions: { queries: { retry: (count, error) => !(error instanceof ProblemError) && count < 2, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter basename="/console">
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
