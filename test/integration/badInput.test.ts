import type { INodeParameters } from 'n8n-workflow';

import { CredentialStore, sandboxCredentials } from '../harness/n8nHarness';
import { CREATE_PATH, createParameters, run, useSimulator } from './setup';

const sim = useSimulator();

/** Item 0 is valid; item 1 carries the bad value, so the message must point at item 1. */
const ITEMS = [
	{
		name: 'Good deal',
		fields: '{"amount": "1.00"}',
		lines: '[{"quantity": "1"}]',
		object: 'OpportunityObj',
	},
	{
		name: 'Bad deal',
		fields: '{"amount": "1.00"}',
		lines: '[{"quantity": "1"}]',
		object: 'OpportunityObj',
	},
];

const cases: Array<[string, Record<string, unknown>, INodeParameters, RegExp, RegExp]> = [
	[
		'invalid JSON in Fields (JSON)',
		{ fields: '{"amount": 1.00,}' },
		{ fieldsInputMode: 'json', fieldsJson: '={{ $json.fields }}' },
		/^Fields \(JSON\): is not valid JSON \(item 1\)$/,
		/double quotes/,
	],
	[
		'a JSON array instead of an object',
		{ fields: '[1, 2]' },
		{ fieldsInputMode: 'json', fieldsJson: '={{ $json.fields }}' },
		/^Fields \(JSON\): must be a JSON object, got an array \(item 1\)$/,
		/\{"amount"/,
	],
	[
		'details that are not an array',
		{ lines: '{"quantity": "1"}' },
		{
			objectApiName: 'NewOpportunityObj',
			details: {
				detail: [{ objectApiName: 'NewOpportunityLinesObj', records: '={{ $json.lines }}' }],
			},
		},
		/^Details → row 1 → Records: must be a JSON array of objects, got an object \(item 1\)$/,
		/\[\{"product_id"/,
	],
	[
		'details holding a non-object',
		{ lines: '[{"quantity": "1"}, 7]' },
		{
			objectApiName: 'NewOpportunityObj',
			details: {
				detail: [{ objectApiName: 'NewOpportunityLinesObj', records: '={{ $json.lines }}' }],
			},
		},
		/^Details → row 1 → Records: record 2 is not an object, got number 7 \(item 1\)$/,
		/records like/,
	],
	['an empty name', { name: '   ' }, {}, /^Opportunity Name: is empty \(item 1\)$/, /needs a name/],
	[
		'a name that is an object',
		{ name: { first: 'x' } },
		{},
		/^Opportunity Name: must be text, got an object \(item 1\)$/,
		/text value/,
	],
	[
		'an empty object API name',
		{ object: '' },
		{ objectApiName: '={{ $json.object }}' },
		/^Opportunity Object: is empty \(item 1\)$/,
		/NewOpportunityObj/,
	],
	[
		'a label instead of an object API name',
		{ object: 'Opportunity 2.0' },
		{ objectApiName: '={{ $json.object }}' },
		/^Opportunity Object: "Opportunity 2\.0" is not a Fxiaoke API name \(item 1\)$/,
		/not the display label/,
	],
	[
		'a reserved field',
		{ fields: '{"created_by": ["1000"]}' },
		{ fieldsInputMode: 'json', fieldsJson: '={{ $json.fields }}' },
		/^Fields \(JSON\): "created_by" cannot be set here/,
		/Remove it/,
	],
];

describe('bad input fails before anything is sent', () => {
	test.each(cases)('%s', async (_case, badValues, parameters, message, fix) => {
		const items = [ITEMS[0], { ...ITEMS[1], ...badValues }];
		const result = await run(sim(), items, createParameters(parameters));

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(fix);
		expect(result.error?.description).toContain('Nothing was sent to Fxiaoke for this item.');
		expect(result.error?.context?.itemIndex).toBe(1);
		// Item 0 was valid and went out; the bad item sent nothing.
		expect(
			sim()
				.requestsTo(CREATE_PATH)
				.map((r) => r.body.data.object_data.name),
		).toEqual(['Good deal']);
	});

	test('a malformed custom base URL fails naming the credential setting, with no request at all', async () => {
		const store = new CredentialStore(sandboxCredentials('open.fxiaoke.com/api'));
		const result = await run(sim(), [ITEMS[0]], createParameters(), { store });
		expect(result.error?.message).toBe(
			'The custom Base URL "open.fxiaoke.com/api" is not a URL. Write it like https://open.fxiaoke.com.',
		);
		expect(result.error?.description).toContain('Cloud / Base URL');
		expect(sim().requests).toHaveLength(0);
	});
});
