/**
 * The browser preview's entry (preview.html): no Office, no office.js — the pane runs on an xlsx host in
 * the page. Opened from `npm run dev-server` (https://localhost:3000/preview.html) or from dist/ served by
 * any static file server.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localeFromDisplayLanguage } from '../i18n/locale';
import { PanePreview } from './PanePreview';
import { PreviewApp } from './PreviewApp';

const element = document.getElementById('preview');
if (!element) throw new Error('preview.html has no #preview element');

// Chinese, as the officers who use it read; `?lang=en-US` (or any `en`) for English.
const params = new URLSearchParams(window.location.search);
const asked = params.get('lang');
const locale = asked ? localeFromDisplayLanguage(asked) : 'zh-CN';

// `?view=pane`: the pane alone, as in Excel's task-pane frame (`&theme=dark`, `&sample=<id>`).
createRoot(element).render(
  <StrictMode>
    {params.get('view') === 'pane' ? (
      <PanePreview
        locale={locale}
        dark={params.get('theme') === 'dark'}
        sampleId={params.get('sample')}
        rememberRules={params.get('rules') !== 'none'}
      />
    ) : (
      <PreviewApp initialLocale={locale} />
    )}
  </StrictMode>,
);
