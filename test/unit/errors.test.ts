import {
	classifyErrorCode,
	documentedErrorCodes,
	hintFor,
	knownErrorCodes,
} from '../../nodes/Fxiaoke/transport/errors';

describe('classifyErrorCode', () => {
	it.each([[20016], [20005]])('classifies %i (dead access token) as token', (code) => {
		expect(classifyErrorCode(code)).toBe('token');
	});

	it.each([[14001], [30004]])('classifies %i (call frequency) as rateLimited', (code) => {
		expect(classifyErrorCode(code)).toBe('rateLimited');
	});

	it.each([
		[-1, 'system busy: may have been applied'],
		[-2, 'system error: may have been applied'],
		[50009, 'service exception: may have been applied'],
		[30002, 'daily quota used up'],
		[20006, 'wrong App ID or App Secret'],
		[32000, 'parameter error'],
	])('classifies %i (%s) as fatal', (code) => {
		expect(classifyErrorCode(code)).toBe('fatal');
	});

	it.each([[123456], [0], [99999], [-3]])('classifies the unknown code %i as fatal', (code) => {
		expect(classifyErrorCode(code)).toBe('fatal');
	});

	it('retries with a new token only for 20005 and 20016', () => {
		const tokenCodes = knownErrorCodes().filter((code) => classifyErrorCode(code) === 'token');

		expect(tokenCodes.sort((a, b) => a - b)).toEqual([20005, 20016]);
	});

	it('waits and resends only for 14001 and 30004', () => {
		const rateLimitedCodes = knownErrorCodes().filter(
			(code) => classifyErrorCode(code) === 'rateLimited',
		);

		expect(rateLimitedCodes.sort((a, b) => a - b)).toEqual([14001, 30004]);
	});
});

describe('knownErrorCodes', () => {
	it('lists the codes the table classifies, as numbers', () => {
		const codes = knownErrorCodes();

		expect(codes).toEqual(expect.arrayContaining([-2, -1, 14001, 20005, 20016, 30004, 50009]));
		for (const code of codes) expect(Number.isInteger(code)).toBe(true);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('does not list unknown codes', () => {
		expect(knownErrorCodes()).not.toContain(123456);
		expect(knownErrorCodes()).not.toContain(0);
	});
});

describe('documentedErrorCodes', () => {
	it('lists the whole documented table, hinted codes included, once each and in order', () => {
		const codes = documentedErrorCodes();

		expect(codes).toEqual(expect.arrayContaining(knownErrorCodes()));
		expect(codes).toEqual(expect.arrayContaining([10001, 10013, 11018, 12005, 20023, 40010]));
		expect(codes).toEqual([...new Set(codes)].sort((a, b) => a - b));
		expect(codes).not.toContain(0);
	});
});

describe('hintFor', () => {
	const genericHint = hintFor(123456);

	it('gives an unknown code the generic hint mentioning the trace ID', () => {
		expect(genericHint).toMatch(/trace ID/);
		expect(genericHint).toMatch(/error code table/);
		expect(hintFor(-3)).toBe(genericHint);
	});

	it.each(knownErrorCodes().map((code) => [code]))(
		'gives the known code %i a specific, non-empty hint',
		(code) => {
			const hint = hintFor(code);

			expect(typeof hint).toBe('string');
			expect(hint.trim()).not.toBe('');
			expect(hint).not.toBe(genericHint);
		},
	);

	it('warns about duplicates for the ambiguous codes -1, -2 and 50009', () => {
		for (const code of [-1, -2, 50009]) {
			expect(hintFor(code)).toMatch(/whether the record was created/);
		}
	});

	it('points credential codes at the credential', () => {
		for (const code of [11013, 20006, 20015]) {
			expect(hintFor(code)).toMatch(/credential/);
		}
	});
});
