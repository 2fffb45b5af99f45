/** Where the page, its script and its stylesheet live; the document is at EVENT_DOCS_JSON_PATH. */
export const EVENT_DOCS_PATH = '/docs/events';
export const EVENT_DOCS_JSON_PATH = '/docs/events-json';
export const EVENT_DOCS_SCRIPT = 'asyncapi-web-component.js';
export const EVENT_DOCS_STYLESHEET = 'default.min.css';

/**
 * The HTML page: the AsyncAPI web component reads the document from EVENT_DOCS_JSON_PATH. No
 * inline script (the /docs CSP forbids it) and nothing from a CDN: the script and stylesheet are
 * served by the gateway itself.
 */
export const EVENT_DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Bookstore events (AsyncAPI)</title>
    <script src="${EVENT_DOCS_PATH}/${EVENT_DOCS_SCRIPT}" defer></script>
  </head>
  <body>
    <asyncapi-component
      schemaUrl="${EVENT_DOCS_JSON_PATH}"
      cssImportPath="${EVENT_DOCS_PATH}/${EVENT_DOCS_STYLESHEET}"
      config='{"show":{"sidebar":true}}'
    ></asyncapi-component>
  </body>
</html>
`;
