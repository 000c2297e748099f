import { SANDBOX_TENANT } from '../simulator/server';
import {
	CREATE_PATH,
	TOKEN_PATH,
	UUID_V4,
	createParameters,
	jsonOf,
	run,
	useSimulator,
} from './setup';

const sim = useSimulator();

describe('Opportunity → Create', () => {
	test('sends every flag, option, field and detail exactly as set, with the documented headers', async () => {
		const result = await run(
			sim(),
			[{ name: 'ACME – 2026 renewal', account: '65f1c0d2a1b2c30001a0b1c2', amount: 120000 }],
			createParameters({
				objectApiName: 'NewOpportunityObj',
				fieldsInputMode: 'keyValue',
				fields: {
					field: [
						{ name: 'account_id', value: '={{ $json.account }}' },
						{ name: 'amount', value: '={{ $json.amount.toFixed(2) }}' },
						{ name: 'owner', value: '={{ ["1000"] }}' },
						{ name: 'region__c', value: 'East' },
					],
				},
				details: {
					detail: [
						{
							objectApiName: 'NewOpportunityLinesObj',
							records:
								'[{"product_id": "p-1", "quantity": "10", "price": "1000.00"}, {"product_id": "p-2", "quantity": "2", "price": "10000.00"}]',
						},
					],
				},
				options: {
					triggerApprovalFlow: false,
					triggerWorkflow: false,
					creationTime: '2026-12-01T09:30:00+08:00',
					createdBy: '1001',
					returnDetailIds: true,
					runDuplicateCheck: true,
					skipFunctionValidation: false,
					applyValidationRules: true,
				},
			}),
		);

		expect(result.error).toBeUndefined();
		const [create] = sim().requestsTo(CREATE_PATH);
		expect(create.body).toEqual({
			triggerApprovalFlow: false,
			triggerWorkFlow: false,
			hasSpecifyTime: true,
			hasSpecifyCreatedBy: true,
			includeDetailIds: true,
			data: {
				object_data: {
					dataObjectApiName: 'NewOpportunityObj',
					object_describe_api_name: 'NewOpportunityObj',
					name: 'ACME – 2026 renewal',
					account_id: '65f1c0d2a1b2c30001a0b1c2',
					amount: '120000.00',
					owner: ['1000'],
					region__c: 'East',
					create_time: Date.UTC(2026, 11, 1, 1, 30),
					created_by: ['1001'],
				},
				details: {
					NewOpportunityLinesObj: [
						{ product_id: 'p-1', quantity: '10', price: '1000.00' },
						{ product_id: 'p-2', quantity: '2', price: '10000.00' },
					],
				},
				optionInfo: { isDuplicateSearch: true, skipFuncValidate: false, useValidationRule: true },
			},
		});

		const [token] = sim().requestsTo(TOKEN_PATH);
		const issued = token.response?.body;
		expect(create.headers.authorization).toBe(`Bearer ${issued.accessToken}`);
		expect(create.headers['x-fs-ea']).toBe(issued.ea);
		expect(create.headers['x-fs-userid']).toBe('1000');
		expect(create.headers['content-type']).toMatch(/^application\/json/);
		expect(create.query.thirdTraceId).toMatch(UUID_V4);
		expect(token.query.thirdTraceId).toMatch(UUID_V4);
		expect(token.body).toEqual({
			appId: SANDBOX_TENANT.appId,
			appSecret: SANDBOX_TENANT.appSecret,
			permanentCode: SANDBOX_TENANT.permanentCode,
			grantType: 'app_secret',
		});

		// The record the simulator stored is the one the output names, with its lines.
		const [stored] = sim().recordsOf('NewOpportunityObj');
		expect(stored.record.create_time).toBe(Date.UTC(2026, 11, 1, 1, 30));
		expect(stored.details?.NewOpportunityLinesObj).toHaveLength(2);
		const [output] = jsonOf(result);
		expect(output).toEqual({
			dataId: stored.record._id,
			objectApiName: 'NewOpportunityObj',
			traceId: create.response?.body.traceId,
			detailIds: {
				NewOpportunityLinesObj: stored.details?.NewOpportunityLinesObj.map((line) => line._id),
			},
		});
	});

	test('the documented defaults when nothing optional is set', async () => {
		const result = await run(sim(), [{ name: 'Plain deal' }], createParameters());
		expect(result.error).toBeUndefined();
		expect(sim().requestsTo(CREATE_PATH)[0].body).toEqual({
			triggerApprovalFlow: true,
			triggerWorkFlow: true,
			hasSpecifyTime: false,
			hasSpecifyCreatedBy: false,
			includeDetailIds: false,
			data: {
				object_data: {
					dataObjectApiName: 'OpportunityObj',
					object_describe_api_name: 'OpportunityObj',
					name: 'Plain deal',
				},
			},
		});
		expect(jsonOf(result)[0].dataId).toBe(sim().recordsOf('OpportunityObj')[0].record._id);
	});

	test('fields given as one JSON object, with values from expressions', async () => {
		await run(
			sim(),
			[{ name: 'JSON deal', amount: '99.50' }],
			createParameters({
				fieldsInputMode: 'json',
				fieldsJson:
					'={{ JSON.stringify({ expected_deal_amount: $json.amount, owner: ["1001"] }) }}',
			}),
		);
		expect(sim().requestsTo(CREATE_PATH)[0].body.data.object_data).toEqual({
			dataObjectApiName: 'OpportunityObj',
			object_describe_api_name: 'OpportunityObj',
			name: 'JSON deal',
			expected_deal_amount: '99.50',
			owner: ['1001'],
		});
	});

	test('an object API name from an expression', async () => {
		const result = await run(
			sim(),
			[{ name: 'Via expression', object: 'NewOpportunityObj' }],
			createParameters({ objectApiName: '={{ $json.object }}' }),
		);
		expect(jsonOf(result)[0].objectApiName).toBe('NewOpportunityObj');
		expect(sim().recordsOf('NewOpportunityObj')).toHaveLength(1);
	});

	test('one output item per input item, paired to it, each with its own dataId and trace ID', async () => {
		const names = ['Alpha', 'Beta', 'Gamma', 'Delta'];
		const result = await run(
			sim(),
			names.map((name) => ({ name })),
			createParameters(),
		);

		const outputs = result.outputs[0];
		expect(outputs.map((item) => item.pairedItem)).toEqual(names.map((_, item) => ({ item })));
		const stored = sim().recordsOf('OpportunityObj');
		expect(stored.map((r) => r.record.name)).toEqual(names);
		expect(outputs.map((item) => item.json.dataId)).toEqual(stored.map((r) => r.record._id));
		const traceIds = sim()
			.requestsTo(CREATE_PATH)
			.map((r) => r.query.thirdTraceId);
		expect(new Set(traceIds).size).toBe(names.length);
	});
});
