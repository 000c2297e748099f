/**
 * The Fxiaoke errorCode table (shared/reference/fxiaoke-api.md §3): what each code means for the
 * caller and a hint in plain words. Only the code decides; the vendor's message text can change
 * and is never branched on.
 *
 * Retry classes:
 * - 'token': the access token is dead; fetch a new one and resend the same call once.
 * - 'rateLimited': the call was refused for frequency, so it was certainly not applied; wait and
 *   resend (safe even for creates).
 * - 'fatal': report to the user. This includes -1, -2 and 50009 ("system busy", "system error",
 *   "service exception"): they do not prove the call was not applied, and creates are not
 *   idempotent, so resending could create a duplicate.
 */
export type ErrorClass = 'token' | 'rateLimited' | 'fatal';

interface KnownCode {
	class: ErrorClass;
	hint: string;
}

const CHECK_CREDENTIAL =
	'Check the App ID, App Secret and Permanent Code in the Fxiaoke credential.';

const KNOWN_CODES: Record<number, KnownCode> = {
	[-2]: {
		class: 'fatal',
		hint: 'Fxiaoke reported a system error. Check in Fxiaoke whether the record was created before you run the item again.',
	},
	[-1]: {
		class: 'fatal',
		hint: 'Fxiaoke is busy. Check in Fxiaoke whether the record was created before you run the item again.',
	},
	10006: {
		class: 'fatal',
		hint: `A required parameter is missing or invalid. On the token call this usually means a wrong App Secret or Permanent Code. ${CHECK_CREDENTIAL}`,
	},
	11013: { class: 'fatal', hint: `The Permanent Code is invalid. ${CHECK_CREDENTIAL}` },
	14001: {
		class: 'rateLimited',
		hint: "Fxiaoke's call limit was exceeded (about 100 calls per 20 seconds per interface). Slow the workflow down or split the input into smaller batches.",
	},
	15003: {
		class: 'fatal',
		hint: 'The Fxiaoke app has no permission for this interface. Ask your Fxiaoke admin to enable it for the app.',
	},
	20005: {
		class: 'token',
		hint: 'The access token expired. The node fetches a new one by itself. If you still see this, check the credential.',
	},
	20006: { class: 'fatal', hint: `The App ID or App Secret is wrong. ${CHECK_CREDENTIAL}` },
	20014: {
		class: 'fatal',
		hint: "The app may not read this employee's data. Use another Employee ID in the credential, or ask your admin to widen the app's visibility.",
	},
	20015: { class: 'fatal', hint: `The Permanent Code is wrong. ${CHECK_CREDENTIAL}` },
	20016: {
		class: 'token',
		hint: 'The access token expired or is unknown. The node fetches a new one and resends once. If you still see this, check the Cloud setting and the credential.',
	},
	20017: {
		class: 'fatal',
		hint: 'Fxiaoke did not accept the enterprise account of the token. Check the Cloud setting: the credential must point at the cloud your tenant lives in.',
	},
	20020: {
		class: 'fatal',
		hint: "The app may not read this enterprise's data. Ask your Fxiaoke admin to authorize the app.",
	},
	20021: {
		class: 'fatal',
		hint: 'The app is disabled in this enterprise. Ask your Fxiaoke admin to enable it.',
	},
	20022: {
		class: 'fatal',
		hint: 'The enterprise has not authorized this app. Ask your Fxiaoke admin to authorize it.',
	},
	30002: {
		class: 'fatal',
		hint: "The enterprise's daily Open API quota is used up. It resets at midnight (China time); buy more quota to go on today.",
	},
	30003: {
		class: 'fatal',
		hint: 'The enterprise has bought no Open API quota. An admin must order the Open API resource pack.',
	},
	30004: {
		class: 'rateLimited',
		hint: 'Too many calls per second. Slow the workflow down or split the input into smaller batches.',
	},
	30027: {
		class: 'fatal',
		hint: "The Employee ID in the credential does not exist in this enterprise. In Fxiaoke, open CRM → Personnel, click the person's system name and copy the Employee ID.",
	},
	32000: {
		class: 'fatal',
		hint: 'Fxiaoke rejected a parameter. Check the field API names and value formats (numbers and money as strings, dates as epoch milliseconds, owner as a list of employee IDs).',
	},
	50009: {
		class: 'fatal',
		hint: 'Fxiaoke reported a service exception such as a timeout. Check in Fxiaoke whether the record was created before you run the item again.',
	},
};

/**
 * Every non-zero code of Fxiaoke's global code table (fxiaoke-api.md §3.2), hinted or not. The
 * credential test needs them all: n8n can only fail a test on a listed body value.
 */
const DOCUMENTED_CODES = [
	-2,
	-1,
	...range(10001, 10010),
	...range(10012, 10015),
	...range(11001, 11018),
	...range(12002, 12005),
	14001,
	15002,
	15003,
	20005,
	20006,
	20010,
	20012,
	...range(20014, 20017),
	...range(20020, 20023),
	30002,
	30003,
	30004,
	30007,
	30027,
	32000,
	40010,
	50009,
];

function range(first: number, last: number): number[] {
	return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

export function classifyErrorCode(errorCode: number): ErrorClass {
	return KNOWN_CODES[errorCode]?.class ?? 'fatal';
}

export function hintFor(errorCode: number): string {
	return (
		KNOWN_CODES[errorCode]?.hint ??
		'Look the code up in the Fxiaoke error code table, or give it and the trace ID to Fxiaoke support.'
	);
}

/** Every code the table has a class and hint for. */
export function knownErrorCodes(): number[] {
	return Object.keys(KNOWN_CODES).map(Number);
}

/** Every documented code, hinted or not, e.g. for the credential test's rules. */
export function documentedErrorCodes(): number[] {
	const codes = new Set([...DOCUMENTED_CODES, ...knownErrorCodes()]);
	return [...codes].sort((a, b) => a - b);
}
