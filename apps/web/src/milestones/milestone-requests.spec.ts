import { createApiClient } from '@dondoc/api-client';
import type { MilestoneListDto } from '@dondoc/contracts';
import { postMilestoneDone } from './milestone-requests';

/** A client whose fetch records each request and answers with the given list. */
function recordingClient(answer: MilestoneListDto) {
  const sent: Request[] = [];
  const client = createApiClient({
    baseUrl: 'http://dondoc.test',
    fetch: (request: Request) => {
      sent.push(request);
      return Promise.resolve(
        new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } }),
      );
    },
  });
  return { client, sent };
}

const LIST: MilestoneListDto = { items: [] };

describe('postMilestoneDone', () => {
  it('POSTs /api/milestones/{id}/done with the JSON body {note?} and reads the typed answer', async () => {
    const { client, sent } = recordingClient(LIST);
    const result = await postMilestoneDone(client, 'm-1', { note: 'Đã ban hành kế hoạch' });
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('POST');
    expect(sent[0].url).toBe('http://dondoc.test/api/milestones/m-1/done');
    expect(sent[0].headers.get('Content-Type')).toBe('application/json');
    expect(await sent[0].json()).toEqual({ note: 'Đã ban hành kế hoạch' });
    expect(result.data).toEqual(LIST);
  });

  it('sends an empty object when there is no note (the server wants a JSON body), and escapes the id', async () => {
    const { client, sent } = recordingClient(LIST);
    await postMilestoneDone(client, 'a/b');
    expect(sent[0].url).toBe('http://dondoc.test/api/milestones/a%2Fb/done');
    expect(await sent[0].json()).toEqual({});
  });

  it('is typed by the API document: a field the body does not have does not compile', () => {
    const { client } = recordingClient(LIST);
    // @ts-expect-error MilestoneDoneRequest has a note, nothing else
    void postMilestoneDone(client, 'm-1', { reached: true });
    expect(typeof postMilestoneDone).toBe('function');
  });
});
