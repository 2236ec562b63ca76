/**
 * A trigger answering every confirmation: the points a purchase earned, to the member's in-app inbox, planned from
 * the event feed and delivered by the server's messenger while the tills confirm. Returns how to switch it off and
 * how many messages it has written.
 */
export async function answeringEachReceipt(base: string, adminKey: string, countMessages: () => Promise<number>) {
  const put = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };
  const template = { channel: 'inbox', event: 'receipt.confirmed', subject: { ru: '+{{points}} {{points|plural:балл,балла,баллов}}' }, text: { ru: 'За покупку на {{paid|money}}. На счёте {{balance}}.' } };
  await put('/v1/messaging/templates/bench-earned', template);
  const trigger = { event: 'receipt.confirmed', template: 'bench-earned', kind: 'transactional' };
  await put('/v1/messaging/triggers/bench-earned', { ...trigger, enabled: true });
  return {
    off: () => put('/v1/messaging/triggers/bench-earned', { ...trigger, enabled: false }),
    written: countMessages,
  };
}
