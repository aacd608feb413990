import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../src/domain/model.ts';
import { streamedBody } from '../../src/http/streamed-body.ts';
import { renderHistoryCsv, streamHistoryCsv } from '../../src/render/hxl-csv.ts';
import { acceptedReport, deaths, electricity, remaining, summaryOf } from '../support/builders.ts';

// Every figure, name and source below is SYNTHETIC.

const site = { origin: 'https://status.test' };

const summaries: ReportSummary[] = [
  summaryOf(acceptedReport(3, { figures: [remaining(11_000), deaths(7)] })),
  summaryOf(acceptedReport(2, { figures: [electricity('unavailable')] })),
  summaryOf(acceptedReport(1, { figures: [deaths(3)] })),
];

/** Pages as a listing gives them, counting how many were asked for. */
function pagesOf(pages: ReportSummary[][]) {
  const asked = { pages: 0 };
  async function* listing() {
    for (const page of pages) {
      asked.pages++;
      yield page;
    }
  }
  return { pages: listing(), asked };
}

async function joined(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

describe('streamHistoryCsv', () => {
  it.each([true, false])('writes the file renderHistoryCsv writes, page by page (hxl %s)', async (hxl) => {
    const { pages } = pagesOf([summaries.slice(0, 2), [], summaries.slice(2)]);
    expect(await joined(streamHistoryCsv(pages, site, { hxl }))).toBe(
      renderHistoryCsv(summaries, site, { hxl }),
    );
  });

  it('gives the header and hashtag rows before asking for any page', async () => {
    const { pages, asked } = pagesOf([summaries]);
    const pieces = streamHistoryCsv(pages, site, { hxl: true });
    const head = await pieces.next();
    expect(head.value).toBe(renderHistoryCsv([], site));
    expect(asked.pages).toBe(0);
    await pieces.next();
    expect(asked.pages).toBe(1);
  });
});

describe('streamedBody', () => {
  it('makes nothing until read, then one piece a read, skipping empty pieces', async () => {
    const made: string[] = [];
    async function* pieces() {
      for (const piece of ['a', '', 'b']) {
        made.push(piece);
        yield piece;
      }
    }
    const reader = streamedBody(pieces()).getReader();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(made).toEqual([]);
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe('a');
    expect(made).toEqual(['a']);
    expect(decoder.decode((await reader.read()).value)).toBe('b');
    expect((await reader.read()).done).toBe(true);
  });

  it('errors the body when making a piece fails, so a file cut short is never taken as whole', async () => {
    async function* pieces() {
      yield 'header\r\n';
      throw new Error('storage failed');
    }
    const reader = streamedBody(pieces()).getReader();
    await reader.read();
    await expect(reader.read()).rejects.toThrow('storage failed');
  });

  it('stops making pieces when the body is cancelled', async () => {
    let finished = false;
    async function* pieces() {
      try {
        for (;;) yield 'row\r\n';
      } finally {
        finished = true;
      }
    }
    const body = streamedBody(pieces());
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
