import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { adoptAdminSecretFromAddress } from './api/adminLink.ts';
import './styles.css';

// before the first render and the first request: the secret must not stay in the address
adoptAdminSecretFromAddress();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
