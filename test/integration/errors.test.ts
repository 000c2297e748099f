import { CredentialStore, sandboxCredentials } from '../harness/n8nHarness';
import {
	CREATE_PATH,
	createParameters,
	jsonOf,
	namedItems,
	run,
	useSimulator,
} from './setup';

const sim = useSimulator();

/** Items whose second one has an empty name, which the node refuses before sending. */
const MIXED = [{ name: 'First' }, { name: '' }, { name: 'Third' }];

describe('vendor errors', () => {
	test('a non-zero errorCode stops the run with code, vendor message, hint, traceId and the item', async () => {
		sim().failNext(CREATE_PATH, { errorCode: 30003, errorMessage: 'no Open API quota' }, 1, {
			skip: 1,
		});
		const result = await run(sim(), namedItems(3), createParameters());

		expect(result.status).toBe('error');
		const error = result.error;
		expect(error?.message).toBe('Fxiaoke error 30003: no Open API quota');
		const refused = sim().requestsTo(CREATE_PATH)[1].response?.body;
		expect(error?.description).toContain('must order the Open API resource pack');
		expect(error?.description).toContain(`traceId: ${refused.traceId}`);
		expect(error?.context).toMatchObject({
			itemIndex: 1,
			errorCode: 30003,
			traceId: refused.traceId,
		});
		// Item 3 is never attempted once the run stops.
		expect(sim().requestsTo(CREATE_PATH)).toHaveLength(2);
	});

	test('Continue On Fail: the failed item becomes a paired error item, the others are created', async () => {
		sim().failNext(CREATE_PATH, { errorCode: 30003, errorMessage: 'no Open API quota' }, 1, {
			skip: 1,
		});
		const result = await run(sim(), namedItems(3), createParameters(), {
			onError: 'continueRegularOutput',
		});

		expect(result.status).toBe('success');
		const outputs = result.outputs[0];
		expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(outputs[1].json).toEqual({
			error: 'Fxiaoke error 30003: no Open API quota',
			details: expect.stringContaining('traceId'),
		});
		const created = sim().recordsOf('OpportunityObj');
		expect(created.map((r) => r.record.name)).toEqual(['Deal 1', 'Deal 3']);
		expect([outputs[0].json.dataId, outputs[2].json.dataId]).toEqual(
			created.map((r) => r.record._id),
		);
	});

	test('Continue (using error output): failed items go to the error branch', async () => {
		const result = await run(sim(), MIXED, createParameters(), { onError: 'continueErrorOutput' });

		expect(result.status).toBe('success');
		expect(jsonOf(result, 0).map((json) => json.dataId)).toEqual(
			sim()
				.recordsOf('OpportunityObj')
				.map((r) => r.record._id),
		);
		expect(jsonOf(result, 1)).toEqual([
			{ error: 'Opportunity Name: is empty (item 1)', details: expect.any(String) },
		]);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 1 });
		expect(
			sim()
				.requestsTo(CREATE_PATH)
				.map((r) => r.body.data.object_data.name),
		).toEqual(['First', 'Third']);
	});

	test('rate-limit codes prove the call was refused: it is resent after a pause and created once', async () => {
		sim().failNext(CREATE_PATH, { errorCode: 30004, errorMessage: 'too frequent' });
		const result = await run(sim(), namedItems(1), createParameters());

		expect(result.error).toBeUndefined();
		const creates = sim().requestsTo(CREATE_PATH);
		expect(creates.map((r) => r.response?.body.errorCode)).toEqual([30004, 0]);
		expect(creates[1].receivedAt - creates[0].receivedAt).toBeGreaterThanOrEqual(900);
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(1);
	});

	test.each([
		[-1, 'system busy'],
		[50009, 'service exception'],
	])(
		'errorCode %d does not prove the call was refused, so it is not resent',
		async (code, message) => {
			sim().failNext(CREATE_PATH, { errorCode: code, errorMessage: message });
			const result = await run(sim(), namedItems(1), createParameters());
			expect(result.error?.message).toBe(`Fxiaoke error ${code}: ${message}`);
			expect(result.error?.description).toContain(
				'Check in Fxiaoke whether the record was created',
			);
			expect(sim().requestsTo(CREATE_PATH)).toHaveLength(1);
		},
	);

	test('a connection lost after Fxiaoke created the record is not resent: no duplicate', async () => {
		sim().failNext(CREATE_PATH, { destroy: true, afterCommit: true });
		const result = await run(sim(), namedItems(1), createParameters());

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`No answer from Fxiaoke for POST ${sim().url}${CREATE_PATH}`,
		);
		expect(result.error?.description).toContain(
			'look the record up in Fxiaoke before you run this item again',
		);
		expect(sim().requestsTo(CREATE_PATH)).toHaveLength(1);
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(1);
	});

	test('an HTML answer (a web host instead of the API host) says to check the Cloud setting', async () => {
		const store = new CredentialStore(sandboxCredentials(`${sim().url}/marketing`));
		const result = await run(sim(), namedItems(1), createParameters(), { store });
		expect(result.error?.message).toContain('did not answer like the Fxiaoke Open API');
		expect(result.error?.description).toContain('Check the Cloud setting: use the Open API host');
		// The token call met the web host and stopped there: no create went anywhere.
		const paths = sim().requests.map((r) => r.path);
		expect(paths).toContain('/marketing/oauth2.0/token');
		expect(paths.filter((path) => path.endsWith(CREATE_PATH))).toEqual([]);
	});

	test('an HTML page from the business endpoint says to check the Cloud setting', async () => {
		sim().failNext(CREATE_PATH, { html: true });
		const result = await run(sim(), namedItems(1), createParameters());
		expect(result.error?.message).toBe(
			'The host answered with an HTML page instead of the Fxiaoke Open API (HTTP 200)',
		);
		expect(result.error?.description).toContain('Check the Cloud setting');
	});

	test('an HTTP 502 from a proxy after the record was created: reported with its status, not resent', async () => {
		sim().failNext(CREATE_PATH, { status: 502, afterCommit: true });
		const result = await run(sim(), namedItems(1), createParameters());
		expect(result.error?.message).toContain('HTTP 502');
		expect(result.error?.description).toContain(
			'look the record up in Fxiaoke before you run this item again',
		);
		expect(sim().requestsTo(CREATE_PATH)).toHaveLength(1);
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(1);
	});

	test('an unreachable host names the URL and the reason', async () => {
		const store = new CredentialStore(sandboxCredentials('http://127.0.0.1:9'));
		const result = await run(sim(), namedItems(1), createParameters(), { store });
		expect(result.error?.message).toBe(
			'Could not reach the Fxiaoke token endpoint at http://127.0.0.1:9',
		);
		expect(result.error?.description).toContain('ECONNREFUSED');
	});
});
