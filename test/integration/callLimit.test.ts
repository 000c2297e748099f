import { CREATE_PATH, createParameters, jsonOf, namedItems, run, useSimulator } from './setup';

// Fxiaoke allows 100 calls per 20 s per interface; a small window keeps the test short while the
// node meets the limit several times, as a run of thousands of rows would.
const sim = useSimulator({ interfaceLimit: { calls: 5, windowMs: 900 } });

describe('per-interface call limit', () => {
	test('a run over the limit pauses and resends only refused calls: every row created once, in order', async () => {
		const items = namedItems(12);
		const result = await run(sim(), items, createParameters());

		expect(result.error).toBeUndefined();
		const creates = sim().requestsTo(CREATE_PATH);
		const codes = creates.map((r) => r.response?.body.errorCode);
		expect(codes.filter((code) => code === 14001).length).toBeGreaterThanOrEqual(2);
		expect(codes.filter((code) => code === 0)).toHaveLength(items.length);
		// Each refused call is followed by the same body again, not by the next item.
		creates.forEach((request, index) => {
			if (request.response?.body.errorCode === 14001) {
				expect(creates[index + 1].body).toEqual(request.body);
			}
		});

		const stored = sim().recordsOf('OpportunityObj');
		expect(stored.map((r) => r.record.name)).toEqual(items.map((item) => item.name));
		expect(jsonOf(result).map((json) => json.dataId)).toEqual(stored.map((r) => r.record._id));
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(
			items.map((_, item) => ({ item })),
		);
	});
});
