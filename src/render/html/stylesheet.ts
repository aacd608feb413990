// The pages' one stylesheet, served from a path that names its content: the page's CSP
// allows styles from this origin only (no inline styles), and a URL that changes with the
// content can be cached for a year without a reader ever seeing an old one.

import { fnv1a32 } from '../../digest.ts';

export const stylesheet = `
:root {
  --text: #1f2328;
  --muted: #4d5661;
  --line: #d0d7de;
  --surface: #f6f8fa;
  --link: #0a55a8;
  --available: #116329;
  --intermittent: #7d4e00;
  --unavailable: #b01a25;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.5;
  color: var(--text);
  background: #fff;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 1.5rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.5rem; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
.skip-link { position: absolute; left: -100vw; }
.skip-link:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.25rem 0.5rem; z-index: 1; }
.site-header { border-bottom: 1px solid var(--line); background: var(--surface); }
.site-header-inner {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem;
  align-items: center; justify-content: space-between; padding-block: 0.75rem;
}
.site-name { margin: 0; font-weight: 700; font-size: 1.1rem; }
.site-name a { color: var(--text); text-decoration: none; }
.languages { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.languages a[aria-current] { color: var(--text); font-weight: 700; text-decoration: none; }
.site-footer { border-top: 1px solid var(--line); margin-top: 3rem; color: var(--muted); font-size: 0.9rem; }
.open-data { list-style: none; margin: 0 0 1rem; padding: 0; }
.open-data li { margin: 0.25rem 0; }
.desk-link { font-size: 0.9rem; color: var(--muted); }
.intro, .place-where, .updated, .names { color: var(--muted); margin: 0.25rem 0; }
.breadcrumb { margin: 1rem 0 0; }
.cards {
  list-style: none; padding: 0; margin: 1.5rem 0;
  display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
}
.card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; }
.card h2 { margin: 0; }
.report-group { border-top: 1px solid var(--line); margin-top: 0.75rem; padding-top: 0.75rem; }
.figures { list-style: none; padding: 0; margin: 0 0 0.5rem; }
.figure {
  display: grid; grid-template-columns: 1.5rem 1fr; column-gap: 0.25rem;
  padding: 0.3rem 0; overflow-wrap: anywhere;
}
.figure > :not(.icon) { grid-column: 2; }
.figure-label { font-size: 0.85rem; color: var(--muted); }
.figure-note { font-size: 0.9rem; color: var(--muted); }
.icon { width: 1.1rem; height: 1.1rem; margin-top: 0.15rem; flex: none; }
.figure .icon { grid-row: 1 / span 2; }
.state-available { color: var(--available); }
.state-intermittent { color: var(--intermittent); }
.state-unavailable { color: var(--unavailable); }
.figure[class*="state-"] .figure-value { color: var(--text); }
.figure[class*="state-"] .figure-label, .figure[class*="state-"] .figure-note { color: var(--muted); }
.provenance {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.9rem;
  font-size: 0.9rem; color: var(--muted); margin: 0.25rem 0 0; overflow-wrap: anywhere;
}
.badge {
  display: inline-flex; align-items: center; gap: 0.3rem; vertical-align: middle;
  border: 1px solid currentColor; border-radius: 1rem; padding: 0 0.5rem 0 0.3rem;
  font-size: 0.85rem; font-weight: 600;
}
.badge .icon { margin: 0; width: 1rem; height: 1rem; }
.badge-unconfirmed { color: var(--intermittent); background: #fff8e5; }
.badge-corroborated { color: var(--link); background: #eef5ff; }
.badge-verified { color: var(--available); background: #ecfaef; }
.badge-disputed { color: var(--unavailable); background: #fff0f0; }
.status-groups .report-group:first-child { border-top: 0; margin-top: 0; padding-top: 0; }
.chart { width: 100%; max-width: 40rem; height: auto; display: block; }
.chart text { fill: var(--text); font-size: 15px; }
.chart .axis { stroke: var(--muted); }
.chart .grid { stroke: var(--line); }
.chart .trend { stroke: var(--link); fill: none; }
.chart .baseline { stroke: var(--muted); stroke-dasharray: 6 4; }
.marker { fill: var(--link); stroke: var(--link); }
.marker-hollow { fill: #fff; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; font-size: 0.9rem; }
.legend svg { vertical-align: middle; margin-right: 0.3rem; }
table { border-collapse: collapse; font-size: 0.9rem; width: 100%; max-width: 40rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td {
  text-align: left; padding: 0.3rem 0.5rem 0.3rem 0; border-bottom: 1px solid var(--line);
  vertical-align: top; overflow-wrap: break-word;
}
.timeline { list-style: none; padding: 0; margin: 1.25rem 0 0; }
.timeline > li { border-left: 3px solid var(--line); padding: 0 0 1.25rem 1rem; }
.timeline > li.report-retracted { border-left-color: var(--unavailable); }
.timeline > li.report-superseded { border-left-color: var(--intermittent); }
.report-state { margin: 0 0 0.5rem; }
.report-state strong { margin-right: 0.25rem; }
.report-retracted .figures { text-decoration: line-through; }
.subscribe-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; }
blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
.draft-review { border: 1px solid var(--line); padding: 0 1rem 1rem; margin: 1rem 0; }
.draft-text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24rem; overflow-y: auto; }
.draft-text mark { scroll-margin-top: 4rem; }
.figure-source, .figure-quote { font-size: 0.9rem; color: var(--muted); }
.stale-notice {
  margin: 0 0 0.5rem; padding: 0.4rem 0.6rem; border-left: 4px solid var(--intermittent);
  background: #fff8e5;
}
.report-group.stale .figure-value { color: var(--muted); }
.figure-period, .figure-stale { display: block; font-size: 0.9rem; }
.disagreement {
  margin: 0.25rem 0 0.5rem; padding: 0.4rem 0.6rem; border-left: 4px solid var(--unavailable);
}
.disagreement p { margin: 0 0 0.25rem; }
.disagreement ul { margin: 0; padding-left: 1.1rem; font-size: 0.9rem; }
.not-reported { padding-left: 1.1rem; color: var(--muted); }
.changes del { color: var(--unavailable); }
.changes ins { color: var(--available); text-decoration: none; font-weight: 600; }
.fate { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0 1rem; }
.fate.report-retracted { border-color: var(--unavailable); }
.fate.report-superseded { border-color: var(--intermittent); }
.source { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; overflow-wrap: anywhere; }
.source dd { margin: 0; }
figure.original { margin: 1rem 0; }
figure.original figcaption { font-size: 0.9rem; color: var(--muted); }
/* The desk's forms: one column of full-width fields, each label, then its hint and problem,
   then the control; buttons that look like buttons; a focus ring on every control. */
.desk-form { max-width: 42rem; margin-top: 1rem; }
.desk-form > p, .desk-form .field { margin: 0 0 0.75rem; }
.field { display: flex; flex-direction: column; gap: 0.1rem; }
.desk-form label, .desk-form legend { font-weight: 600; line-height: 1.3; }
/* Two short fields side by side, their controls level, where the screen has room. */
.field-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr)); gap: 0 0.75rem; align-items: end; }
.desk-form .hint { display: block; color: var(--muted); font-size: 0.9rem; line-height: 1.35; }
.desk-form h2 { margin: 1rem 0 0.5rem; }
.desk-form input:not([type="checkbox"], [type="hidden"]), .desk-form select, .desk-form textarea {
  display: block; width: 100%; max-width: 100%; margin-top: 0.15rem; font: inherit; color: var(--text);
  padding: 0.35rem 0.6rem; border: 1px solid var(--muted); border-radius: 0.3rem; background: #fff;
}
.desk-form textarea { resize: vertical; field-sizing: content; min-height: 3.5rem; max-height: 24rem; }
.desk-form input[type="file"] { padding: 0.35rem; }
.desk-form input[type="checkbox"] { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; accent-color: var(--link); }
:is(input, select, textarea, button, summary):focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
button {
  font: inherit; font-weight: 600; min-height: 2.75rem; padding: 0.5rem 1.25rem; cursor: pointer;
  color: #fff; background: var(--link); border: 2px solid var(--link); border-radius: 0.3rem;
}
button:hover { background: #08437f; border-color: #08437f; }
button.secondary { color: var(--link); background: #fff; }
button.secondary:hover { background: #eef5ff; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
.desk-form fieldset {
  min-width: 0; margin: 0 0 1rem; padding: 0.5rem 0.9rem 0; border: 1px solid var(--line); border-radius: 0.5rem;
}
.desk-form legend { padding: 0 0.3rem; }
.warnings .field { flex-direction: row; align-items: flex-start; gap: 0.6rem; }
.warnings label { font-weight: 400; }
/* Closed boxes share a row; an open one has the row to itself. */
.box-grid {
  display: grid; gap: 0.4rem; margin-bottom: 0.75rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
}
.box-grid > [open] { grid-column: 1 / -1; }
@media (min-width: 48rem) {
  .box-grid { grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); }
}
details { border: 1px solid var(--line); border-radius: 0.5rem; margin: 0 0 0.75rem; min-width: 0; }
.box-grid > details { margin: 0; }
summary { padding: 0.4rem 0.6rem; line-height: 1.3; font-weight: 600; cursor: pointer; overflow-wrap: anywhere; }
details[open] > summary { border-bottom: 1px solid var(--line); background: var(--surface); border-radius: 0.5rem 0.5rem 0 0; }
.desk-form details > fieldset { border: 0; margin: 0; padding: 0.75rem 0.75rem 0; }
.desk-form details details { margin-bottom: 0.75rem; }
/* A problem is marked by an icon, a bar and its words, never by colour alone. */
.field-problem { display: flex; gap: 0.35rem; color: var(--unavailable); font-weight: 600; }
.field:has([aria-invalid="true"]), .figure-box > fieldset > .field-problem {
  border-left: 4px solid var(--unavailable); padding-left: 0.6rem;
}
.desk-form [aria-invalid="true"] { border: 2px solid var(--unavailable); }
.form-problem {
  margin: 1rem 0; padding: 0.75rem 1rem; border: 3px solid var(--unavailable); border-radius: 0.5rem;
  overflow-wrap: anywhere;
}
.form-problem h2 { margin: 0 0 0.5rem; font-size: 1.15rem; }
.form-problem ul { margin: 0; padding-left: 1.1rem; }
.form-problem a { color: var(--unavailable); font-weight: 600; }
.preview { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0 1rem 1rem; margin: 1rem 0; }
.preview > h2:first-child { margin-top: 1rem; }
/* A phone shows the chart at about three quarters of its size: larger type keeps it legible. */
@media (max-width: 30rem) {
  .chart text { font-size: 18px; }
}
@media (min-width: 48rem) {
  h1 { font-size: 2.1rem; }
}
`;

/** A short, stable name for the stylesheet's content. */
const contentName = (text: string) => fnv1a32(text).toString(16).padStart(8, '0');

export const stylesheetPath = `/assets/site-${contentName(stylesheet)}.css`;
