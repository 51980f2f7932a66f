/** The page's inline stylesheet: readable on screen and in print, no external fonts. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 14px/1.5 Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 1000px; padding: 24px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; list-style: none; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
th { background: #f4f4f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 8px 0 24px; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 13px; margin-bottom: 4px; }
.no-data { border: 1px dashed #bbb; color: #666; padding: 24px; text-align: center; background: #fafafa; }
.ok { color: #2e7d32; font-weight: bold; }
.failed { color: #c62828; font-weight: bold; }
details summary { cursor: pointer; color: #444; }
`;
