import { CredentialStore, CREDENTIAL_ID, sandboxCredentials } from '../harness/n8nHarness';
import { SANDBOX_TENANT } from '../simulator/server';
import { CREATE_PATH, createParameters, namedItems, run, useSimulator } from './setup';

const sim = useSimulator();

const { appSecret, permanentCode } = SANDBOX_TENANT;

describe('secrets never reach output or errors', () => {
	test('success, vendor error, dead token, lost connection and a refused token call', async () => {
		const store = new CredentialStore(sandboxCredentials(sim().url));
		const seen: unknown[] = [];
		seen.push(await run(sim(), namedItems(2), createParameters(), { store }));
		sim().failNext(CREATE_PATH, { errorCode: 30027, errorMessage: 'employee does not exist' });
		seen.push(
			await run(sim(), namedItems(1), createParameters(), {
				store,
				onError: 'continueRegularOutput',
			}),
		);
		sim().failNext(CREATE_PATH, { errorCode: 20016 }, 2);
		seen.push(await run(sim(), namedItems(1), createParameters(), { store }));
		sim().failNext(CREATE_PATH, { destroy: true });
		seen.push(await run(sim(), namedItems(1), createParameters(), { store }));
		seen.push(
			await run(sim(), namedItems(1), createParameters(), {
				store: new CredentialStore(
					sandboxCredentials(sim().url, { permanentCode: `${permanentCode}-x` }),
				),
			}),
		);

		const tokens = sim()
			.requestsTo('/oauth2.0/token')
			.map((r) => r.response?.body.accessToken)
			.filter(Boolean);
		expect(tokens.length).toBeGreaterThanOrEqual(2);
		expect(store.saved[CREDENTIAL_ID].accessToken).toBe(tokens[tokens.length - 1]);
		// Everything n8n could show or store: items, and every property of the errors, not only what
		// their toJSON() picks (message, stack, description, context, errorResponse, cause, node).
		const text = allStrings(seen).join('\n');
		expect(text).toContain('Fxiaoke error 30027');
		for (const secret of [appSecret, permanentCode, ...tokens]) expect(text).not.toContain(secret);
	});
});

/** Every string reachable from `value`, non-enumerable own properties such as `stack` included. */
function allStrings(value: unknown, visited = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value !== 'object' || value === null || visited.has(value)) return [];
	visited.add(value);
	return Object.getOwnPropertyNames(value).flatMap((key) =>
		allStrings((value as Record<string, unknown>)[key], visited),
	);
}
