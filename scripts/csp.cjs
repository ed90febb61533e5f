// The Content-Security-Policy of the add-ins' pages, in one place. Every page template carries a
// <meta http-equiv="Content-Security-Policy"> first in its head; the builds (webpack.config.js, build-wps.cjs) fill
// in the policy for that page. No inline script anywhere: scripts only from the add-in's own folder, plus
// Office.js's CDN on the pages that load it.

/** Where Office.js comes from, and the Microsoft Ajax library it loads on some hosts. */
const OFFICE_SCRIPT_ORIGINS = ['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'];
/** Office.js's own requests (telemetry, host scripts) on the pages that load it. */
const OFFICE_CONNECT_ORIGINS = ['https://*.microsoft.com', 'https://*.office.com', 'https://*.office.net'];

/**
 * The policy of a page. `office`: the page loads Office.js; `dev`: the dev server's live-reload socket; `file`: the
 * page may be opened from disk (WPS offline add-ins live in a folder of jsaddons, and older engines do not count
 * file: as 'self').
 */
function contentSecurityPolicy({ office = false, dev = false, file = false } = {}) {
  const self = file ? "'self' file:" : "'self'";
  return [
    `default-src ${self}`,
    `script-src ${[self, ...(office ? OFFICE_SCRIPT_ORIGINS : [])].join(' ')}`,
    // Inline styles stay allowed: the page's own <style>, and Office.js's host scripts set style attributes.
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob:`,
    `font-src ${self} data:`,
    `connect-src ${[self, ...(office ? OFFICE_CONNECT_ORIGINS : []), ...(dev ? ['ws:', 'wss:'] : [])].join(' ')}`,
    `worker-src ${self}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/;

/** A page's HTML with its CSP meta tag set to `policy`; fails when the page has none. */
function withPolicy(html, policy, page = 'page') {
  if (!CSP_META.test(html)) throw new Error(`${page}: the Content-Security-Policy meta tag is missing`);
  return html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}

module.exports = { contentSecurityPolicy, withPolicy, OFFICE_SCRIPT_ORIGINS };
