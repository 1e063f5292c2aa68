// The HTML report's stylesheet, inlined into the page (the page loads nothing from anywhere). A backslash at the
// end of a line continues it: the stylesheet has no line break there.
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #ffffff; --soft: #f6f8fa; }
body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1200px; margin: 0 auto; padding: 24px; } section { overflow-x: auto; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; } \
h3 { font-size: 15px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--soft); padding: 1px 4px; border-radius: 4px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; } \
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); } td.num { text-align: right; white-space: nowrap; }
.muted, .sides, footer, .note { color: var(--muted); } .muted { font-size: 12px; }
.good { color: #1a7f37; } .warn { color: #9a6700; } .bad { color: #cf222e; font-weight: 600; }
tr.error td:first-child { color: #cf222e; font-weight: 600; } tr.warn td:first-child { color: #9a6700; }
table.coverage { width: 100%; table-layout: fixed; font-size: 12px; } table.coverage th, table.coverage td { overflow-wrap: anywhere; padding: 3px 5px; }
table.coverage thead th:first-child, table.coverage tbody th { width: 11%; }
td.cheaper { background: #dafbe1; } td.dearer { background: #ffebe9; } .code { font-size: 12px; color: #0969da; }
svg text { font: 11px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; fill: var(--fg); }
table.approval { width: 100%; } table.approval td, table.approval th { font-size: 13px; } ul.risky { margin: 0; padding-left: 16px; }
ul.warnings { padding-left: 20px; } ul.warnings li { margin: 4px 0; } ul.warnings li.bad { color: #cf222e; } ul.warnings li.warn { color: #9a6700; }
.action { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; margin: 10px 0; } .action h3 { margin: 6px 0; font-size: 14px; }
.action .verb { display: inline-block; min-width: 64px; font-weight: 600; } \
.action.create .verb, .action.activate .verb { color: #1a7f37; } .action.update .verb { color: #9a6700; }
.action.replace .verb, .action.delete .verb, .action.blocked .verb { color: #cf222e; } .action .note { margin: 4px 0; }
table.fields { width: 100%; table-layout: fixed; } table.fields td { overflow-wrap: anywhere; } table.fields th:first-child { width: 30%; }
td.old { background: #fff5f5; } td.new { background: #f0fff4; }
svg .axis { fill: var(--muted); } svg .grid { stroke: #eaeef2; } svg .legend { font-size: 12px; }
.window { fill: #54aeff; } .window.added { fill: #2da44e; } .window.changed { fill: #fb8f44; } \
.window.removed { fill: #cf222e; opacity: .6; } .window.inactive { fill: #afb8c1; }
.geofence { fill: #54aeff; fill-opacity: .25; stroke: #0969da; stroke-width: 1; }
.geofence.changed, .geofence.added { stroke: #bc4c00; stroke-width: 2; fill: #fb8f44; fill-opacity: .35; }
.base-shape { fill: none; stroke: #cf222e; stroke-width: 1.6; stroke-dasharray: 5 3; } .base-shape.removed { fill: #cf222e; fill-opacity: .1; }
.panel-frame { fill: #fbfcfd; stroke: var(--line); } .scale-bar path { fill: none; stroke: var(--fg); stroke-width: 1.5; } .scale-bar text { font-size: 10px; }
.part-mark { fill: none; stroke: #bc4c00; stroke-width: 2; stroke-dasharray: 3 2; } .part-mark.gone { stroke: #cf222e; } rect.part-mark { fill: none; }
.map-label.changed { fill: #953800; font-weight: 600; }
.overlap { fill: #cf222e; fill-opacity: .65; stroke: #a40e26; stroke-width: 1; }
.map-label { font-size: 10px; fill: #0a3069; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; } .swatch.overlap { background: #cf222e; }
figure { margin: 8px 0; } figcaption { color: var(--muted); font-size: 12px; }
footer { margin-top: 40px; font-size: 12px; }
`;
