import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { CreateOptions, CreateParameters } from '../../helpers/createBody';
import { InvalidParameterError, buildCreateBody } from '../../helpers/createBody';
import { fxiaokeApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Opportunity Object',
		name: 'objectApiName',
		type: 'options',
		options: [
			{
				name: 'Opportunity (OpportunityObj)',
				value: 'OpportunityObj',
				description: 'The classic opportunity object',
			},
			{
				name: 'Opportunity 2.0 (NewOpportunityObj)',
				value: 'NewOpportunityObj',
				description:
					'The opportunity object of newer tenants; its product lines are NewOpportunityLinesObj',
			},
		],
		default: 'OpportunityObj',
		description:
			"Which opportunity object your tenant uses. Another preset object's API name can be given with an expression; custom objects (…__c) are not supported.",
	},
	{
		displayName: 'Opportunity Name',
		name: 'opportunityName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ACME – 2026 renewal',
		description: 'The name of the new opportunity (field "name")',
	},
	{
		displayName: 'Fields Input Mode',
		name: 'fieldsInputMode',
		type: 'options',
		options: [
			{
				name: 'Field by Field',
				value: 'keyValue',
				description: 'One row per field: API name and value',
			},
			{ name: 'JSON', value: 'json', description: 'All further fields as one JSON object' },
		],
		default: 'keyValue',
		description: "How to give the opportunity's further fields",
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsInputMode: ['keyValue'] } },
		description:
			'Further fields by API name, custom __c fields included. Values are sent as given: money and numbers as text ("1000.00"), dates as epoch milliseconds, employee fields such as owner as a list ({{ ["1000"] }}).',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field API Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'account_id',
						description: "The field's API name, e.g. account_id, amount, close_date or my_field__c",
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The value to store; an expression may return a number, a list or an object',
					},
				],
			},
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { fieldsInputMode: ['json'] } },
		description:
			'Further fields as one JSON object keyed by field API name, e.g. {"account_id": "65f1…", "amount": "120000.00", "owner": ["1000"]}',
	},
	{
		displayName: 'Details',
		name: 'details',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Detail Object',
		default: {},
		description: 'Child records created together with the opportunity, such as its product lines',
		options: [
			{
				displayName: 'Detail',
				name: 'detail',
				values: [
					{
						displayName: 'Detail Object',
						name: 'objectApiName',
						type: 'string',
						default: 'NewOpportunityLinesObj',
						description:
							'API name of the detail object, e.g. NewOpportunityLinesObj for Opportunity 2.0 product lines',
					},
					{
						displayName: 'Records',
						name: 'records',
						type: 'json',
						default: '[]',
						description: 'A JSON array of records, e.g. [{"product_id": "…", "quantity": "2"}]',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Apply Validation Rules',
				name: 'applyValidationRules',
				type: 'boolean',
				default: true,
				description:
					"Whether to apply the object's validation rules (optionInfo.useValidationRule). Not sent unless added here.",
			},
			{
				displayName: 'Created By',
				name: 'createdBy',
				type: 'string',
				default: '',
				placeholder: '1000',
				description:
					'Employee ID(s) to record as creator, comma-separated. Adding it sends hasSpecifyCreatedBy: true, without which Fxiaoke ignores created_by.',
			},
			{
				displayName: 'Creation Time',
				name: 'creationTime',
				type: 'string',
				default: '',
				placeholder: '2026-12-04T09:30:00+08:00',
				description:
					'The creation time to record, as epoch milliseconds or ISO 8601 with its time zone. Adding it sends hasSpecifyTime: true, without which Fxiaoke ignores create_time.',
			},
			{
				displayName: 'Return Detail IDs',
				name: 'returnDetailIds',
				type: 'boolean',
				default: false,
				description:
					'Whether Fxiaoke should return the IDs of the created detail records (includeDetailIds). Their shape is undocumented; they are passed through as received.',
			},
			{
				displayName: 'Run Duplicate Check',
				name: 'runDuplicateCheck',
				type: 'boolean',
				default: true,
				description:
					"Whether to run the object's duplicate-check rules (optionInfo.isDuplicateSearch). Not sent unless added here.",
			},
			{
				displayName: 'Skip Function Validation',
				name: 'skipFunctionValidation',
				type: 'boolean',
				default: false,
				description:
					'Whether to skip the pre-validation function bound to the create action (optionInfo.skipFuncValidate). Not sent unless added here.',
			},
			{
				displayName: 'Trigger Approval Flow',
				name: 'triggerApprovalFlow',
				type: 'boolean',
				default: true,
				description:
					'Whether creating the record starts its approval flow (sent as triggerApprovalFlow; true unless changed here)',
			},
			{
				displayName: 'Trigger Workflow',
				name: 'triggerWorkflow',
				type: 'boolean',
				default: true,
				description:
					'Whether creating the record starts its workflows (sent as triggerWorkFlow; true unless changed here)',
			},
		],
	},
];

const ENVELOPE_FIELDS = new Set(['errorCode', 'errorMessage', 'errorDescription']);

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['create'] } },
	properties,
);

/** Creates one opportunity from item `itemIndex` and returns what the API answered. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const parameters: CreateParameters = {
		objectApiName: this.getNodeParameter('objectApiName', itemIndex),
		name: this.getNodeParameter('opportunityName', itemIndex),
		fieldsInputMode: this.getNodeParameter(
			'fieldsInputMode',
			itemIndex,
		) as CreateParameters['fieldsInputMode'],
		fieldRows: this.getNodeParameter(
			'fields.field',
			itemIndex,
			[],
		) as CreateParameters['fieldRows'],
		fieldsJson: this.getNodeParameter('fieldsJson', itemIndex, '{}'),
		detailRows: this.getNodeParameter(
			'details.detail',
			itemIndex,
			[],
		) as CreateParameters['detailRows'],
		options: this.getNodeParameter('options', itemIndex, {}) as CreateOptions,
	};

	let body: IDataObject;
	try {
		body = buildCreateBody(parameters);
	} catch (error) {
		if (!(error instanceof InvalidParameterError))
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		throw new NodeOperationError(this.getNode(), `${error.message} (item ${itemIndex})`, {
			itemIndex,
			description: `${error.fix} Nothing was sent to Fxiaoke for this item.`,
		});
	}

	const objectData = (body.data as IDataObject).object_data as IDataObject;
	const answer = await fxiaokeApiRequest.call(this, '/cgi/crm/v2/data/create', body, itemIndex);
	const { dataId, traceId } = answer;
	const output: IDataObject = { dataId, objectApiName: objectData.dataObjectApiName, traceId };
	for (const [key, value] of Object.entries(answer)) {
		// The envelope's success fields say nothing a workflow needs; anything else is passed on.
		if (!(key in output) && !ENVELOPE_FIELDS.has(key)) output[key] = value;
	}
	return output;
}
