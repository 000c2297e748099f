import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { tokenNeedsRenewal } from '../../nodes/Fxiaoke/transport/token';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const STORED = 'stored-token';

function credentials(stored: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	return { appId: 'FSAID_test', ...stored };
}

describe('tokenNeedsRenewal', () => {
	it.each([
		['no token and no renewAfter', {}],
		['no token', { renewAfter: NOW + 60_000 }],
		['an empty token', { accessToken: '', renewAfter: NOW + 60_000 }],
		['no renewAfter', { accessToken: STORED }],
		['a NaN renewAfter', { accessToken: STORED, renewAfter: Number.NaN }],
		['a non-numeric renewAfter', { accessToken: STORED, renewAfter: 'later' }],
		['an infinite renewAfter', { accessToken: STORED, renewAfter: Number.POSITIVE_INFINITY }],
		['now equal to renewAfter', { accessToken: STORED, renewAfter: NOW }],
		['now after renewAfter', { accessToken: STORED, renewAfter: NOW - 1 }],
		['a renewAfter long past', { accessToken: STORED, renewAfter: 0 }],
	])('renews with %s', (_label, stored: ICredentialDataDecryptedObject) => {
		expect(tokenNeedsRenewal(credentials(stored), NOW)).toBe(true);
	});

	it.each([
		['one millisecond before renewAfter', NOW + 1],
		['an hour before renewAfter', NOW + 3_600_000],
	])('keeps the token %s', (_label, renewAfter) => {
		expect(tokenNeedsRenewal(credentials({ accessToken: STORED, renewAfter }), NOW)).toBe(false);
	});

	it('reads a renewAfter stored as a numeric string', () => {
		const stored = credentials({ accessToken: STORED, renewAfter: String(NOW + 60_000) });

		expect(tokenNeedsRenewal(stored, NOW)).toBe(false);
		expect(tokenNeedsRenewal(stored, NOW + 60_000)).toBe(true);
	});

	it('turns from false to true exactly at renewAfter', () => {
		const stored = credentials({ accessToken: STORED, renewAfter: NOW });

		expect(tokenNeedsRenewal(stored, NOW - 1)).toBe(false);
		expect(tokenNeedsRenewal(stored, NOW)).toBe(true);
	});
});
