/**
 * The browser preview's entry (preview.html): no Office, no office.js — the pane runs on an xlsx host in
 * the page. Opened from `npm run dev-server` (https://localhost:3000/preview.html) or from dist/ served by
 * any static file server.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localeFromDisplayLanguage } from '../i18n/locale';
import { PreviewApp } from './PreviewApp';

const element = document.getElementById('preview');
if (!element) throw new Error('preview.html has no #preview element');

// Chinese, as the officers who use it read; `?lang=en-US` (or any `en`) for English.
const asked = new URLSearchParams(window.location.search).get('lang');
const locale = asked ? localeFromDisplayLanguage(asked) : 'zh-CN';

createRoot(element).render(
  <StrictMode>
    <PreviewApp initialLocale={locale} />
  </StrictMode>,
);
