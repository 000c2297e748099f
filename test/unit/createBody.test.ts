import {
	buildCreateBody,
	InvalidParameterError,
	type CreateParameters,
} from '../../nodes/Fxiaoke/helpers/createBody';

/** A valid, minimal set of Opportunity → Create parameters; override what a test is about. */
function createParameters(overrides: Partial<CreateParameters> = {}): CreateParameters {
	return {
		objectApiName: 'NewOpportunityObj',
		name: 'ACME renewal',
		fieldsInputMode: 'keyValue',
		fieldRows: [],
		fieldsJson: '{}',
		detailRows: [],
		options: {},
		...overrides,
	};
}

/** The master-record keys the node sets itself, with the parameter that sets each. */
const RESERVED_FIELDS: Array<[string, RegExp]> = [
	['name', /Opportunity Name/],
	['dataObjectApiName', /Opportunity Object/],
	['object_describe_api_name', /Opportunity Object/],
	['create_time', /Creation Time/],
	['created_by', /Created By/],
];

/** What `build` throws, or undefined when it returns. */
function thrownBy(build: () => unknown): unknown {
	try {
		build();
	} catch (error) {
		return error;
	}
	return undefined;
}

/** Runs `build` and returns the InvalidParameterError it throws; fails the test otherwise. */
function invalidParameter(build: () => unknown): InvalidParameterError {
	const error = thrownBy(build);
	expect(error).toBeInstanceOf(InvalidParameterError);
	if (!(error instanceof InvalidParameterError)) {
		throw new Error(`expected an InvalidParameterError, got ${String(error)}`);
	}
	return error;
}

function buildError(overrides: Partial<CreateParameters>): InvalidParameterError {
	return invalidParameter(() => buildCreateBody(createParameters(overrides)));
}

/** Narrows a body part to a plain record so its keys can be inspected. */
function asRecord(value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Error(`expected an object, got ${JSON.stringify(value)}`);
	}
	return value as Record<string, unknown>;
}

function dataOf(parameters: CreateParameters): Record<string, unknown> {
	return asRecord(buildCreateBody(parameters).data);
}

function objectDataOf(parameters: CreateParameters): Record<string, unknown> {
	return asRecord(dataOf(parameters).object_data);
}

describe('InvalidParameterError', () => {
	it('carries the parameter, the fix, and a message naming parameter and problem', () => {
		const error = new InvalidParameterError('Opportunity Name', 'is empty', 'Enter a name.');

		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('InvalidParameterError');
		expect(error.parameter).toBe('Opportunity Name');
		expect(error.fix).toBe('Enter a name.');
		expect(error.message).toBe('Opportunity Name: is empty');
	});
});

describe('buildCreateBody', () => {
	describe('body shape', () => {
		it('builds the full body for a maximal input (key/value fields)', () => {
			const body = buildCreateBody(
				createParameters({
					objectApiName: 'NewOpportunityObj',
					name: 'ACME – 2026 renewal',
					fieldsInputMode: 'keyValue',
					fieldRows: [
						{ name: 'account_id', value: '65f1c0d2a1b2c30001a0b1c2' },
						{ name: 'amount', value: '120000.00' },
						{ name: 'close_date', value: 1798675200000 },
						{ name: 'owner', value: ['1000'] },
						{ name: 'my_field__c', value: undefined },
					],
					detailRows: [
						{
							objectApiName: 'NewOpportunityLinesObj',
							records:
								'[{"product_id": "p1", "quantity": "10"}, {"product_id": "p2", "quantity": "2"}]',
						},
						{ objectApiName: 'OtherDetail__c', records: [{ note: 'already parsed' }] },
					],
					options: {
						applyValidationRules: true,
						createdBy: '1000, 1001',
						creationTime: '2026-12-04T09:30:00+08:00',
						returnDetailIds: true,
						runDuplicateCheck: true,
						skipFunctionValidation: false,
						triggerApprovalFlow: false,
						triggerWorkflow: false,
					},
				}),
			);

			expect(body).toEqual({
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
						close_date: 1798675200000,
						owner: ['1000'],
						my_field__c: '',
						// 09:30 at +08:00 is 01:30 UTC.
						create_time: Date.UTC(2026, 11, 4, 1, 30, 0),
						created_by: ['1000', '1001'],
					},
					details: {
						NewOpportunityLinesObj: [
							{ product_id: 'p1', quantity: '10' },
							{ product_id: 'p2', quantity: '2' },
						],
						OtherDetail__c: [{ note: 'already parsed' }],
					},
					optionInfo: {
						isDuplicateSearch: true,
						skipFuncValidate: false,
						useValidationRule: true,
					},
				},
			});
		});

		it('takes the fields from JSON text in json mode and ignores the rows', () => {
			const objectData = objectDataOf(
				createParameters({
					fieldsInputMode: 'json',
					fieldsJson: '{"amount": "1000.00", "owner": ["1000"], "close_date": 1798675200000}',
					fieldRows: [{ name: 'ignored_field', value: 'x' }],
				}),
			);

			expect(objectData).toEqual({
				dataObjectApiName: 'NewOpportunityObj',
				object_describe_api_name: 'NewOpportunityObj',
				name: 'ACME renewal',
				amount: '1000.00',
				owner: ['1000'],
				close_date: 1798675200000,
			});
		});

		it('accepts an already-parsed object in json mode', () => {
			const objectData = objectDataOf(
				createParameters({
					fieldsInputMode: 'json',
					fieldsJson: { amount: '5.00', nested: { a: 1 } },
				}),
			);

			expect(objectData.amount).toBe('5.00');
			expect(objectData.nested).toEqual({ a: 1 });
		});

		it('ignores the JSON fields in keyValue mode', () => {
			const objectData = objectDataOf(
				createParameters({
					fieldsInputMode: 'keyValue',
					fieldsJson: '{"amount": "1.00"}',
					fieldRows: [{ name: 'amount', value: '2.00' }],
				}),
			);

			expect(objectData.amount).toBe('2.00');
		});

		it('trims the object API name', () => {
			const objectData = objectDataOf(createParameters({ objectApiName: '  OpportunityObj ' }));

			expect(objectData.dataObjectApiName).toBe('OpportunityObj');
			expect(objectData.object_describe_api_name).toBe('OpportunityObj');
		});

		it('accepts a number as the name and sends it as text', () => {
			expect(objectDataOf(createParameters({ name: 42 })).name).toBe('42');
		});
	});

	describe('top-level flags', () => {
		it('are always present, with the API defaults when no option is given', () => {
			const body = buildCreateBody(createParameters());

			expect(body.triggerApprovalFlow).toBe(true);
			expect(body.triggerWorkFlow).toBe(true);
			expect(body.hasSpecifyTime).toBe(false);
			expect(body.hasSpecifyCreatedBy).toBe(false);
			expect(body.includeDetailIds).toBe(false);
		});

		it('follow the options that are given', () => {
			const body = buildCreateBody(
				createParameters({
					options: { triggerApprovalFlow: false, triggerWorkflow: false, returnDetailIds: true },
				}),
			);

			expect(body.triggerApprovalFlow).toBe(false);
			expect(body.triggerWorkFlow).toBe(false);
			expect(body.includeDetailIds).toBe(true);
		});

		it('leave create_time and created_by out when not specified', () => {
			const objectData = objectDataOf(createParameters());

			expect(objectData).not.toHaveProperty('create_time');
			expect(objectData).not.toHaveProperty('created_by');
		});
	});

	describe('creation time', () => {
		const nineThirtyShanghai = Date.UTC(2026, 11, 4, 1, 30, 0);

		it.each([
			['epoch ms as a number', nineThirtyShanghai],
			['epoch ms as a digit string', String(nineThirtyShanghai)],
			['epoch ms as a digit string with spaces', ` ${nineThirtyShanghai} `],
			['ISO 8601 with a +08:00 offset', '2026-12-04T09:30:00+08:00'],
			['ISO 8601 in UTC', '2026-12-04T01:30:00Z'],
			['ISO 8601 with a -05:00 offset', '2026-12-03T20:30:00-05:00'],
		])('accepts %s', (_label, creationTime) => {
			const body = buildCreateBody(createParameters({ options: { creationTime } }));

			expect(body.hasSpecifyTime).toBe(true);
			expect(asRecord(asRecord(body.data).object_data).create_time).toBe(nineThirtyShanghai);
		});

		it.each([[''], [null]])('treats the empty value %j as not specified', (creationTime) => {
			const body = buildCreateBody(createParameters({ options: { creationTime } }));

			expect(body.hasSpecifyTime).toBe(false);
			expect(asRecord(asRecord(body.data).object_data)).not.toHaveProperty('create_time');
		});

		it.each([
			['a number', Math.floor(nineThirtyShanghai / 1000)],
			['a digit string', String(Math.floor(nineThirtyShanghai / 1000))],
		])(
			'refuses epoch seconds given as %s instead of sending a date in 1970',
			(_label, creationTime) => {
				const error = buildError({ options: { creationTime } });

				expect(error.parameter).toBe('Options → Creation Time');
				expect(error.message).toContain('looks like epoch seconds, not milliseconds');
				expect(error.fix).toMatch(/Multiply it by 1000/);
			},
		);
	});

	describe('created by', () => {
		it('splits a comma-separated list of employee IDs', () => {
			const body = buildCreateBody(createParameters({ options: { createdBy: '1000, 1001' } }));

			expect(body.hasSpecifyCreatedBy).toBe(true);
			expect(asRecord(asRecord(body.data).object_data).created_by).toEqual(['1000', '1001']);
		});

		it('accepts an array of employee IDs', () => {
			const body = buildCreateBody(createParameters({ options: { createdBy: ['1000'] } }));

			expect(body.hasSpecifyCreatedBy).toBe(true);
			expect(asRecord(asRecord(body.data).object_data).created_by).toEqual(['1000']);
		});

		it('sends a single ID as a one-element list', () => {
			const objectData = objectDataOf(createParameters({ options: { createdBy: 1000 } }));

			expect(objectData.created_by).toEqual(['1000']);
		});

		it.each([[''], [null], [[]]])('treats the empty value %j as not specified', (createdBy) => {
			const body = buildCreateBody(createParameters({ options: { createdBy } }));

			expect(body.hasSpecifyCreatedBy).toBe(false);
			expect(asRecord(asRecord(body.data).object_data)).not.toHaveProperty('created_by');
		});

		it('drops empty entries between commas', () => {
			const objectData = objectDataOf(createParameters({ options: { createdBy: '1000,,1001,' } }));

			expect(objectData.created_by).toEqual(['1000', '1001']);
		});
	});

	describe('optionInfo', () => {
		it('is absent when none of its options is given', () => {
			expect(dataOf(createParameters())).not.toHaveProperty('optionInfo');
		});

		it.each([
			[{ runDuplicateCheck: true }, { isDuplicateSearch: true }],
			[{ runDuplicateCheck: false }, { isDuplicateSearch: false }],
			[{ skipFunctionValidation: true }, { skipFuncValidate: true }],
			[{ applyValidationRules: false }, { useValidationRule: false }],
			[
				{ runDuplicateCheck: false, applyValidationRules: true },
				{ isDuplicateSearch: false, useValidationRule: true },
			],
		])('maps %j to exactly %j', (options, optionInfo) => {
			expect(dataOf(createParameters({ options })).optionInfo).toEqual(optionInfo);
		});

		it('is not created by options that belong elsewhere', () => {
			const data = dataOf(
				createParameters({ options: { triggerApprovalFlow: false, returnDetailIds: true } }),
			);

			expect(data).not.toHaveProperty('optionInfo');
		});
	});

	describe('details', () => {
		it('are absent when there are no detail rows', () => {
			expect(dataOf(createParameters({ detailRows: [] }))).not.toHaveProperty('details');
		});

		it('may carry the names the node reserves on the master record (their meaning there is unknown)', () => {
			const line = { name: 'Line 1', dataObjectApiName: 'NewOpportunityLinesObj', quantity: '1' };
			const data = dataOf(
				createParameters({
					detailRows: [{ objectApiName: 'NewOpportunityLinesObj', records: [line] }],
				}),
			);

			expect(data.details).toEqual({ NewOpportunityLinesObj: [line] });
		});

		it('accept an empty array of records', () => {
			const data = dataOf(
				createParameters({
					detailRows: [{ objectApiName: 'NewOpportunityLinesObj', records: '[]' }],
				}),
			);

			expect(data.details).toEqual({ NewOpportunityLinesObj: [] });
		});
	});

	describe('errors: Opportunity Name', () => {
		it.each([[''], ['   ']])('rejects the empty name %j', (name) => {
			const error = buildError({ name });

			expect(error.parameter).toBe('Opportunity Name');
			expect(error.message).toMatch(/^Opportunity Name: is empty$/);
			expect(error.fix).toMatch(/needs a name/);
		});

		it.each([
			['an object', { first: 'ACME' }, /must be text, got an object/],
			['an array', ['ACME'], /must be text, got an array/],
			['null', null, /must be text, got null/],
			['undefined', undefined, /must be text, got undefined/],
			['a boolean', true, /must be text, got boolean true/],
		])('rejects a name that is %s', (_label, name, problem) => {
			const error = buildError({ name });

			expect(error.parameter).toBe('Opportunity Name');
			expect(error.message).toMatch(/^Opportunity Name: /);
			expect(error.message).toMatch(problem);
			expect(error.fix).toMatch(/text value/);
		});
	});

	describe('errors: Opportunity Object', () => {
		it.each([[''], ['  '], [undefined], [null]])(
			'rejects the empty API name %j',
			(objectApiName) => {
				const error = buildError({ objectApiName });

				expect(error.parameter).toBe('Opportunity Object');
				expect(error.message).toMatch(/is empty/);
				expect(error.fix).toMatch(/API name of a Fxiaoke object/);
			},
		);

		it.each([['Opportunity Obj'], ['商机'], ['1Opportunity'], ['Opportunity-Obj'], [{}], [7]])(
			'rejects %j, which is not an API name',
			(objectApiName) => {
				const error = buildError({ objectApiName });

				expect(error.parameter).toBe('Opportunity Object');
				expect(error.message).toContain(
					`${JSON.stringify(objectApiName)} is not a Fxiaoke API name`,
				);
				expect(error.fix).toMatch(/not the display label/);
			},
		);

		it('rejects a custom object, which the preset-object endpoint does not create', () => {
			const error = buildError({ objectApiName: 'Deal__c' });

			expect(error.message).toBe('Opportunity Object: "Deal__c" is a custom object');
			expect(error.fix).toMatch(/OpportunityObj or NewOpportunityObj/);
		});

		it('accepts a custom detail object of a preset opportunity', () => {
			const body = buildCreateBody(
				createParameters({
					detailRows: [{ objectApiName: 'DealLine__c', records: '[{"qty__c": "1"}]' }],
				}),
			);

			expect(asRecord(body.data).details).toEqual({ DealLine__c: [{ qty__c: '1' }] });
		});
	});

	describe('errors: Fields (JSON)', () => {
		it.each([['{amount: 1}'], ['{"amount": "1",}'], ['not json'], ['']])(
			'rejects the invalid JSON text %j',
			(fieldsJson) => {
				const error = buildError({ fieldsInputMode: 'json', fieldsJson });

				expect(error.parameter).toBe('Fields (JSON)');
				expect(error.message).toMatch(/is not valid JSON/);
				expect(error.fix).toMatch(/double quotes/);
			},
		);

		it.each([
			['an array (text)', '[{"amount": "1"}]', /got an array/],
			['an array (parsed)', [{ amount: '1' }], /got an array/],
			['a JSON string', '"amount"', /got string "amount"/],
			['a JSON number', '42', /got number 42/],
			['a number', 42, /got number 42/],
			['null', 'null', /got null/],
		])('rejects %s instead of an object', (_label, fieldsJson, got) => {
			const error = buildError({ fieldsInputMode: 'json', fieldsJson });

			expect(error.parameter).toBe('Fields (JSON)');
			expect(error.message).toMatch(/must be a JSON object/);
			expect(error.message).toMatch(got);
			expect(error.fix).toMatch(/\{"amount"/);
		});

		it.each([['Amount (CNY)'], ['金额'], ['my field'], ['_private']])(
			'rejects the field name %j, which is not an API name',
			(fieldName) => {
				const error = buildError({
					fieldsInputMode: 'json',
					fieldsJson: { amount: '1', [fieldName]: 'x' },
				});

				expect(error.parameter).toBe('Fields (JSON)');
				expect(error.message).toContain(`"${fieldName}" is not a Fxiaoke field API name`);
				expect(error.fix).toMatch(/not display labels/);
			},
		);

		it.each(RESERVED_FIELDS)('rejects the reserved field %s', (fieldName, setBy) => {
			const error = buildError({
				fieldsInputMode: 'json',
				fieldsJson: JSON.stringify({ [fieldName]: 'x' }),
			});

			expect(error.parameter).toBe('Fields (JSON)');
			expect(error.message).toContain(`"${fieldName}" cannot be set here`);
			expect(error.message).toMatch(setBy);
			expect(error.fix).toMatch(/Remove it/);
		});
	});

	describe('errors: Fields (rows)', () => {
		it.each([['Amount (CNY)'], ['金额'], ['my field']])(
			'rejects the field name %j, which is not an API name',
			(fieldName) => {
				const error = buildError({
					fieldRows: [
						{ name: 'amount', value: '1' },
						{ name: fieldName, value: 'x' },
					],
				});

				expect(error.parameter).toBe('Fields → row 2 → Field API Name');
				expect(error.message).toContain(`"${fieldName}" is not a Fxiaoke API name`);
				expect(error.fix).toMatch(/not the display label/);
			},
		);

		it('rejects a row without a field name', () => {
			const error = buildError({ fieldRows: [{ name: '  ', value: 'x' }] });

			expect(error.parameter).toBe('Fields → row 1 → Field API Name');
			expect(error.message).toMatch(/is empty/);
			expect(error.fix).toMatch(/API name/);
		});

		it.each(RESERVED_FIELDS)('rejects the reserved field %s', (fieldName, setBy) => {
			const error = buildError({ fieldRows: [{ name: fieldName, value: 'x' }] });

			expect(error.parameter).toBe('Fields');
			expect(error.message).toContain(`"${fieldName}" cannot be set here`);
			expect(error.message).toMatch(setBy);
			expect(error.fix).toMatch(/Remove it/);
		});

		it('rejects a field set twice', () => {
			const error = buildError({
				fieldRows: [
					{ name: 'amount', value: '1' },
					{ name: 'close_date', value: 1 },
					{ name: ' amount ', value: '2' },
				],
			});

			expect(error.parameter).toBe('Fields → row 3');
			expect(error.message).toContain('field "amount" is set twice');
			expect(error.fix).toMatch(/one row per field/);
		});
	});

	describe('errors: Details', () => {
		it('rejects records that are not valid JSON', () => {
			const error = buildError({
				detailRows: [{ objectApiName: 'NewOpportunityLinesObj', records: '[{product_id: 1}]' }],
			});

			expect(error.parameter).toBe('Details → row 1 → Records');
			expect(error.message).toMatch(/is not valid JSON/);
			expect(error.fix).toMatch(/double quotes/);
		});

		it.each([
			['an object', '{"product_id": "p1"}', /got an object/],
			['a string', '"p1"', /got string "p1"/],
			['a number', 3, /got number 3/],
			['null', 'null', /got null/],
		])('rejects records that are %s instead of an array', (_label, records, got) => {
			const error = buildError({
				detailRows: [{ objectApiName: 'NewOpportunityLinesObj', records }],
			});

			expect(error.parameter).toBe('Details → row 1 → Records');
			expect(error.message).toMatch(/must be a JSON array of objects/);
			expect(error.message).toMatch(got);
			expect(error.fix).toMatch(/\[\{"product_id"/);
		});

		it.each([
			['a number', '[{"product_id": "p1"}, 2]', /record 2 is not an object, got number 2/],
			['a string', '[{"product_id": "p1"}, {"quantity": "1"}, "p3"]', /record 3 .*got string "p3"/],
			['an array', [[{ product_id: 'p1' }]], /record 1 is not an object, got an array/],
			['null', '[null]', /record 1 is not an object, got null/],
		])('rejects an array of records containing %s', (_label, records, problem) => {
			const error = buildError({
				detailRows: [{ objectApiName: 'NewOpportunityLinesObj', records }],
			});

			expect(error.parameter).toBe('Details → row 1 → Records');
			expect(error.message).toMatch(problem);
			expect(error.fix).toMatch(/\[\{"product_id"/);
		});

		it('rejects a record with a field name that is not an API name', () => {
			const error = buildError({
				detailRows: [
					{ objectApiName: 'NewOpportunityLinesObj', records: '[{"product_id": "p1"}]' },
					{
						objectApiName: 'OtherDetail__c',
						records: '[{"quantity": "1"}, {"Product Name": "p2"}]',
					},
				],
			});

			expect(error.parameter).toBe('Details → row 2 → Records → record 2');
			expect(error.message).toContain('"Product Name" is not a Fxiaoke field API name');
			expect(error.fix).toMatch(/not display labels/);
		});

		it('rejects a detail object listed twice', () => {
			const error = buildError({
				detailRows: [
					{ objectApiName: 'NewOpportunityLinesObj', records: '[]' },
					{ objectApiName: 'NewOpportunityLinesObj', records: '[]' },
				],
			});

			expect(error.parameter).toBe('Details → row 2');
			expect(error.message).toContain('detail object "NewOpportunityLinesObj" is listed twice');
			expect(error.fix).toMatch(/one row/);
		});

		it('rejects a detail row with an invalid object API name', () => {
			const error = buildError({
				detailRows: [{ objectApiName: 'Opportunity Lines', records: '[]' }],
			});

			expect(error.parameter).toBe('Details → row 1 → Detail Object');
			expect(error.message).toContain('"Opportunity Lines" is not a Fxiaoke API name');
			expect(error.fix).toMatch(/not the display label/);
		});
	});

	describe('errors: Options → Creation Time', () => {
		it.each([
			['an ISO time without a time zone', '2026-12-04T09:30:00'],
			['a date without a time zone', '2026-12-04'],
			['garbage', 'next tuesday'],
			['garbage ending like an offset', 'soon+08:00'],
			['a short digit string', '12345'],
			['zero', 0],
			['a negative number', -1],
			['a fractional number', 1.5],
			['a boolean', true],
		])('rejects %s', (_label, creationTime) => {
			const error = buildError({ options: { creationTime } });

			expect(error.parameter).toBe('Options → Creation Time');
			expect(error.message).toContain(`${JSON.stringify(creationTime)} is not a point in time`);
			expect(error.fix).toMatch(/epoch milliseconds/);
			expect(error.fix).toMatch(/with its zone/);
		});
	});

	describe('errors: Options → Created By', () => {
		it.each([
			['a semicolon', '1000; 1001'],
			['a space inside an ID', 'Zhang San'],
			['Chinese characters', '张三'],
			['a dash', '1000-1'],
			['only commas', ','],
			['only commas and spaces', ' , , '],
			['an array with an invalid ID', ['1000', 'a b']],
			['an array of empty IDs', ['', ' ']],
		])('rejects a value with %s', (_label, createdBy) => {
			const error = buildError({ options: { createdBy } });

			expect(error.parameter).toBe('Options → Created By');
			expect(error.message).toContain(`${JSON.stringify(createdBy)} is not a list of employee IDs`);
			expect(error.fix).toMatch(/employee ID/);
		});
	});
});
