// Every place's current figures, rebuilt from the change log alone (docs/api.md#change-log-get-apiv1changes;
// tests/integration/change-log-mirror.test.ts holds it to the API's status and to docs/api.md).
export async function mirror(fetch, url) {
  const reports = new Map(); // id → the change that made it, with the state its last effect gave
  for (let page; !page || page.changes.length > 0; url = page.next) {
    page = await (await fetch(url)).json();
    for (const change of page.changes) {
      if (change.kind !== 'retraction') reports.set(change.report, { ...change });
      for (const { report, state } of change.effects) reports.get(report).state = state;
    }
  }
  // A correction's figures are those of the report it corrects, with what it changed.
  const figuresOf = ({ corrects, figures }) => {
    const held = new Map(reports.has(corrects) ? figuresOf(reports.get(corrects)) : []);
    for (const { indicator, after } of figures)
      after ? held.set(indicator, after.figure) : held.delete(indicator);
    return held;
  };
  // Current: a running total before a period's count, then the latest observed, published, id.
  const rank = (r, figure) => `${figure.basis === 'period' ? 0 : 1} ${r.observed} ${r.at} ${r.report}`;
  const places = {}; // slug → indicator → { figure, report, observed }
  for (const r of [...reports.values()].filter((r) => r.state === 'active')) {
    places[r.place] ??= {};
    for (const [indicator, figure] of figuresOf(r)) {
      const held = places[r.place][indicator];
      if (!held || rank(r, figure) > rank(reports.get(held.report), held.figure))
        places[r.place][indicator] = { figure, report: r.report, observed: r.observed };
    }
  }
  return places;
}
