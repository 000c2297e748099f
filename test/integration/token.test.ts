import { CredentialStore, CREDENTIAL_ID, sandboxCredentials } from '../harness/n8nHarness';
import {
	CREATE_PATH,
	TOKEN_PATH,
	createParameters,
	jsonOf,
	namedItems,
	run,
	useSimulator,
} from './setup';

const sim = useSimulator();

describe('access token lifecycle', () => {
	test('one token call serves every item of an execution, and the token is stored with the credential', async () => {
		const store = new CredentialStore(sandboxCredentials(sim().url));
		const result = await run(sim(), namedItems(50), createParameters(), { store });

		expect(result.error).toBeUndefined();
		expect(sim().tokenCalls).toBe(1);
		expect(sim().requestsTo(CREATE_PATH)).toHaveLength(50);
		const issued = sim().requestsTo(TOKEN_PATH)[0].response?.body;
		expect(store.saved[CREDENTIAL_ID]).toMatchObject({
			accessToken: issued.accessToken,
			ea: issued.ea,
		});
		// Renewal is due 500 s before the token's end (7,200 s after issue): 6,700 s after issue,
		// inside the 6,650-7,200 s window in which the docs say to ask for the next token.
		const renewAfter = Number(store.saved[CREDENTIAL_ID].renewAfter);
		expect(renewAfter - Date.now()).toBeGreaterThan(6_600_000);
		expect(renewAfter - Date.now()).toBeLessThanOrEqual(6_700_000);
	});

	test('a later execution reuses the stored token: no token call', async () => {
		const store = new CredentialStore(sandboxCredentials(sim().url));
		await run(sim(), namedItems(3), createParameters(), { store });
		await run(sim(), namedItems(3), createParameters(), { store });
		expect(sim().tokenCalls).toBe(1);
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(6);
	});

	test('a token due for renewal is renewed before the call, not after a refusal', async () => {
		const store = new CredentialStore(sandboxCredentials(sim().url));
		await run(sim(), namedItems(1), createParameters(), { store });
		store.saved[CREDENTIAL_ID].renewAfter = Date.now() - 1;
		// The simulator re-issues only after 6,600 s, so move its clock as real time would have moved.
		sim().advanceClock(6_700);

		const result = await run(sim(), namedItems(2), createParameters(), { store });
		expect(result.error).toBeUndefined();
		expect(sim().tokenCalls).toBe(2);
		const creates = sim().requestsTo(CREATE_PATH);
		expect(creates.map((r) => r.response?.body.errorCode)).toEqual([0, 0, 0]);
		const secondToken = sim().requestsTo(TOKEN_PATH)[1].response?.body.accessToken;
		expect(creates[1].headers.authorization).toBe(`Bearer ${secondToken}`);
		expect(store.saved[CREDENTIAL_ID].accessToken).toBe(secondToken);
	});

	test('a token that dies mid-run (20016) is replaced once and the refused item resent; nothing is created twice', async () => {
		// Item 1 goes through, then every token dies just before item 2 arrives.
		sim().failNext(CREATE_PATH, { expireTokens: true }, 1, { skip: 1 });
		const items = namedItems(4);
		const result = await run(sim(), items, createParameters());

		expect(result.error).toBeUndefined();
		expect(sim().tokenCalls).toBe(2);
		const creates = sim().requestsTo(CREATE_PATH);
		expect(creates.map((r) => r.response?.body.errorCode)).toEqual([0, 20016, 0, 0, 0]);
		expect(creates[1].body).toEqual(creates[2].body);
		expect(creates[1].query.thirdTraceId).not.toBe(creates[2].query.thirdTraceId);
		expect(
			sim()
				.recordsOf('OpportunityObj')
				.map((r) => r.record.name),
		).toEqual(items.map((item) => item.name));
		expect(jsonOf(result).map((json) => json.dataId)).toEqual(
			sim()
				.recordsOf('OpportunityObj')
				.map((r) => r.record._id),
		);
	});

	test('a token refused again after renewal fails the item with a clear message, after exactly one renewal', async () => {
		sim().failNext(
			CREATE_PATH,
			{ errorCode: 20016, errorMessage: 'the cropId,cropAccessToken or authorization is error' },
			2,
		);
		const result = await run(sim(), namedItems(1), createParameters());

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Fxiaoke error 20016: the cropId,cropAccessToken or authorization is error',
		);
		expect(result.error?.description).toContain(
			'refused again after a new access token was fetched',
		);
		expect(sim().tokenCalls).toBe(2);
		expect(sim().requestsTo(CREATE_PATH)).toHaveLength(2);
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(0);
	});

	test('two executions starting together share one token call; no two token calls are ever in flight', async () => {
		const credentials = sandboxCredentials(sim().url);
		const results = await Promise.all([
			run(sim(), namedItems(5), createParameters(), { store: new CredentialStore(credentials) }),
			run(sim(), namedItems(5), createParameters(), { store: new CredentialStore(credentials) }),
			run(sim(), namedItems(5), createParameters(), { store: new CredentialStore(credentials) }),
		]);
		expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
		expect(sim().tokenCalls).toBe(1);
		expect(sim().maxConcurrentTokenCalls).toBe(1);
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(15);
	});

	test('a token call refused for frequency is repeated after a pause, and the run goes on', async () => {
		sim().failNext(TOKEN_PATH, { errorCode: 14001, errorMessage: 'token call limit exceeded' });
		const result = await run(sim(), namedItems(2), createParameters());

		expect(result.error).toBeUndefined();
		const tokenCalls = sim().requestsTo(TOKEN_PATH);
		expect(tokenCalls.map((r) => r.response?.body.errorCode)).toEqual([14001, 0]);
		expect(tokenCalls[1].receivedAt - tokenCalls[0].receivedAt).toBeGreaterThanOrEqual(1_900);
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(2);
	});

	test.each([
		['a wrong app secret', { appSecret: 'wrong-secret' }, 20006],
		['a wrong permanent code', { permanentCode: 'wrong-code' }, 20015],
	])(
		'%s fails before any create, with the vendor code and a hint',
		async (_case, overrides, code) => {
			const store = new CredentialStore(sandboxCredentials(sim().url, overrides));
			const result = await run(sim(), namedItems(2), createParameters(), { store });

			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(`errorCode ${code}`);
			expect(result.error?.description).toMatch(/credential/i);
			expect(result.error?.context?.errorCode).toBe(code);
			expect(sim().requestsTo(CREATE_PATH)).toHaveLength(0);
		},
	);

	test('a wrong employee ID fails with 30027 and says where to find the right one', async () => {
		const store = new CredentialStore(sandboxCredentials(sim().url, { employeeId: '9999' }));
		const result = await run(sim(), namedItems(1), createParameters(), { store });
		expect(result.error?.message).toBe('Fxiaoke error 30027: employee does not exist');
		expect(result.error?.description).toContain('Personnel');
		expect(sim().recordsOf('OpportunityObj')).toHaveLength(0);
	});
});
