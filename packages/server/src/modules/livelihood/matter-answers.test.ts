import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { addMatter } from '../../testing/livelihood.ts';

/** A matter not chosen as a key project is still answered, everyone who raised it. */
describeEachDb('livelihood: answering a matter on its own', (get) => {
  it('sends the answer to everyone reachable, waits for the rest to be answered in person, then counts the matter answered', async () => {
    const h = get();
    const m = await addMatter(h, 'minsheng', {
      title: '李家庄乡集市摊位收费不透明',
      regionCode: '140311202',
      areaCode: 'governance',
      originators: [
        { kind: 'person', name: '周九', phone: '13935300021' },
        { kind: 'household', name: '吴十', address: '李家庄村8号' },
      ],
    });
    const id = m.id;
    expect((await h.req('leader', 'POST', `/api/v1/matters/${id}/answer`, { text: '已转乡政府公示收费标准。' })).statusCode).toBe(403);
    expect((await h.req('minsheng', 'POST', `/api/v1/matters/${id}/answer`, { text: '' })).statusCode).toBe(400);

    const first = await h.req('minsheng', 'POST', `/api/v1/matters/${id}/answer`, { text: '已转乡政府公示收费标准。' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ sent: 1, matter: { status: 'open' } });
    expect(first.json().unanswered.map((o: { name: string }) => o.name)).toEqual(['吴十']);
    const sms = await h.db.db.selectFrom('outbox').select('payload').where('topic', '=', 'livelihood.answer').execute();
    expect(sms.map((s) => (s.payload as { to: string; text: string }).to)).toEqual(['13935300021']);
    expect((sms[0]!.payload as { text: string }).text).toContain('已转乡政府公示收费标准');

    const household = first.json().unanswered[0].id as number;
    const done = await h.req('minsheng', 'POST', `/api/v1/matters/${id}/originators/${household}/answer`, {
      method: 'visit',
      note: '网格员入户告知',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('answered');
    expect(done.json().originators.every((o: { answeredAt: string | null }) => o.answeredAt !== null)).toBe(true);
    // Answered is final; a second answer is refused.
    expect((await h.req('minsheng', 'POST', `/api/v1/matters/${id}/answer`, { text: '再次答复' })).statusCode).toBe(409);
  });
});
