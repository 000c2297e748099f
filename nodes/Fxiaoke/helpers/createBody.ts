import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

/**
 * Turns the Opportunity → Create parameters of one item into the body of
 * `POST /cgi/crm/v2/data/create` (shared/reference/fxiaoke-api.md §9, §11.2), or explains which
 * parameter is wrong. Pure: no n8n context, no I/O.
 */

/** A parameter value that cannot be sent, with the parameter's display name and the fix. */
export class InvalidParameterError extends Error {
	constructor(
		readonly parameter: string,
		problem: string,
		readonly fix: string,
	) {
		super(`${parameter}: ${problem}`);
		this.name = 'InvalidParameterError';
	}
}

export interface CreateParameters {
	objectApiName: unknown;
	name: unknown;
	fieldsInputMode: 'keyValue' | 'json';
	fieldRows: Array<{ name?: unknown; value?: unknown }>;
	fieldsJson: unknown;
	detailRows: Array<{ objectApiName?: unknown; records?: unknown }>;
	options: CreateOptions;
}

export interface CreateOptions {
	applyValidationRules?: boolean;
	createdBy?: unknown;
	creationTime?: unknown;
	returnDetailIds?: boolean;
	runDuplicateCheck?: boolean;
	skipFunctionValidation?: boolean;
	triggerApprovalFlow?: boolean;
	triggerWorkflow?: boolean;
}

export const PARAMETER_NAMES = {
	objectApiName: 'Opportunity Object',
	name: 'Opportunity Name',
	fieldRows: 'Fields',
	fieldsJson: 'Fields (JSON)',
	details: 'Details',
	createdBy: 'Options → Created By',
	creationTime: 'Options → Creation Time',
} as const;

/** Fxiaoke API names: letters, digits and underscores, custom ones ending in __c. */
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Keys the node fills itself; a field of the same name would silently fight them. */
const RESERVED_FIELDS: Record<string, string> = {
	dataObjectApiName: `set by the ${PARAMETER_NAMES.objectApiName} parameter`,
	object_describe_api_name: `set by the ${PARAMETER_NAMES.objectApiName} parameter`,
	name: `set by the ${PARAMETER_NAMES.name} parameter`,
	create_time: `set by ${PARAMETER_NAMES.creationTime}, which also tells Fxiaoke to honour it`,
	created_by: `set by ${PARAMETER_NAMES.createdBy}, which also tells Fxiaoke to honour it`,
};

export function buildCreateBody(parameters: CreateParameters): IDataObject {
	const objectApiName = readObjectApiName(parameters.objectApiName);
	const objectData: IDataObject = {
		dataObjectApiName: objectApiName,
		object_describe_api_name: objectApiName,
		name: readName(parameters.name),
		...readFields(parameters),
	};

	const { options } = parameters;
	const creationTime = readCreationTime(options.creationTime);
	if (creationTime !== undefined) objectData.create_time = creationTime;
	const createdBy = readEmployeeIds(options.createdBy);
	if (createdBy !== undefined) objectData.created_by = createdBy;

	const data: IDataObject = { object_data: objectData };
	const details = readDetails(parameters.detailRows);
	if (details) data.details = details;
	const optionInfo = readOptionInfo(options);
	if (optionInfo) data.optionInfo = optionInfo;

	return {
		triggerApprovalFlow: options.triggerApprovalFlow ?? true,
		triggerWorkFlow: options.triggerWorkflow ?? true,
		hasSpecifyTime: creationTime !== undefined,
		hasSpecifyCreatedBy: createdBy !== undefined,
		includeDetailIds: options.returnDetailIds ?? false,
		data,
	};
}

function readApiName(value: unknown, parameter: string): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === '' || text === undefined || text === null) {
		throw new InvalidParameterError(
			parameter,
			'is empty',
			'Enter the API name of a Fxiaoke object, e.g. NewOpportunityObj.',
		);
	}
	if (typeof text !== 'string' || !API_NAME.test(text)) {
		throw new InvalidParameterError(
			parameter,
			`${JSON.stringify(value)} is not a Fxiaoke API name`,
			'Use the API name (letters, digits and underscores, e.g. NewOpportunityObj, amount or region__c), not the display label.',
		);
	}
	return text;
}

/**
 * The object to create. Custom objects (…__c) are created through /cgi/crm/custom/v2/data/create
 * (fxiaoke-api.md §6.1), which this operation does not call, so they are refused here rather than
 * sent to the preset-object endpoint.
 */
function readObjectApiName(value: unknown): string {
	const apiName = readApiName(value, PARAMETER_NAMES.objectApiName);
	if (apiName.endsWith('__c')) {
		throw new InvalidParameterError(
			PARAMETER_NAMES.objectApiName,
			`"${apiName}" is a custom object`,
			'This operation creates preset opportunity objects such as OpportunityObj or NewOpportunityObj. Custom objects use another Fxiaoke endpoint, which this node does not call.',
		);
	}
	return apiName;
}

function readName(value: unknown): string {
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') {
		throw new InvalidParameterError(
			PARAMETER_NAMES.name,
			`must be text, got ${describeType(value)}`,
			'Map a text value to the opportunity name.',
		);
	}
	if (value.trim() === '') {
		throw new InvalidParameterError(
			PARAMETER_NAMES.name,
			'is empty',
			'Every opportunity needs a name: enter one or map a column that is filled for every item.',
		);
	}
	return value;
}

function readFields(parameters: CreateParameters): IDataObject {
	if (parameters.fieldsInputMode === 'json') {
		return checkFieldNames(
			parseJsonObject(parameters.fieldsJson, PARAMETER_NAMES.fieldsJson),
			PARAMETER_NAMES.fieldsJson,
		);
	}
	const fields: IDataObject = {};
	for (const [index, row] of parameters.fieldRows.entries()) {
		const where = `${PARAMETER_NAMES.fieldRows} → row ${index + 1}`;
		const name = readApiName(row.name, `${where} → Field API Name`);
		if (name in fields) {
			throw new InvalidParameterError(
				where,
				`field "${name}" is set twice`,
				'Keep one row per field.',
			);
		}
		fields[name] = (row.value ?? '') as IDataObject[string];
	}
	return checkFieldNames(fields, PARAMETER_NAMES.fieldRows);
}

/** Field names must be API names; on the master record the node's own keys are refused. */
function checkFieldNames(fields: IDataObject, parameter: string, master = true): IDataObject {
	for (const name of Object.keys(fields)) {
		if (!API_NAME.test(name)) {
			throw new InvalidParameterError(
				parameter,
				`"${name}" is not a Fxiaoke field API name`,
				'Use field API names such as amount or my_field__c, not display labels.',
			);
		}
		if (master && name in RESERVED_FIELDS) {
			throw new InvalidParameterError(
				parameter,
				`"${name}" cannot be set here: it is ${RESERVED_FIELDS[name]}`,
				'Remove it from the fields.',
			);
		}
	}
	return fields;
}

function readDetails(rows: CreateParameters['detailRows']): IDataObject | undefined {
	if (rows.length === 0) return undefined;
	const details: IDataObject = {};
	for (const [index, row] of rows.entries()) {
		const where = `${PARAMETER_NAMES.details} → row ${index + 1}`;
		const apiName = readApiName(row.objectApiName, `${where} → Detail Object`);
		if (apiName in details) {
			throw new InvalidParameterError(
				where,
				`detail object "${apiName}" is listed twice`,
				'Put all its records into one row.',
			);
		}
		const records = parseJson(row.records, `${where} → Records`);
		const recordsFix = 'Write the records like [{"product_id": "…", "quantity": "2"}].';
		if (!Array.isArray(records)) {
			throw new InvalidParameterError(
				`${where} → Records`,
				`must be a JSON array of objects, got ${describeType(records)}`,
				recordsFix,
			);
		}
		const stray = records.findIndex((record) => !isPlainObject(record));
		if (stray !== -1) {
			throw new InvalidParameterError(
				`${where} → Records`,
				`record ${stray + 1} is not an object, got ${describeType(records[stray])}`,
				recordsFix,
			);
		}
		records.forEach((record, recordIndex) =>
			checkFieldNames(
				record as IDataObject,
				`${where} → Records → record ${recordIndex + 1}`,
				false,
			),
		);
		details[apiName] = records as IDataObject[];
	}
	return details;
}

function readOptionInfo(options: CreateOptions): IDataObject | undefined {
	const optionInfo: IDataObject = {};
	if (options.runDuplicateCheck !== undefined)
		optionInfo.isDuplicateSearch = options.runDuplicateCheck;
	if (options.skipFunctionValidation !== undefined)
		optionInfo.skipFuncValidate = options.skipFunctionValidation;
	if (options.applyValidationRules !== undefined)
		optionInfo.useValidationRule = options.applyValidationRules;
	return Object.keys(optionInfo).length ? optionInfo : undefined;
}

/** Epoch milliseconds from 2001 on; the same range in seconds starts at 1e9. */
const EARLIEST_EPOCH_MS = 1e12;
const EARLIEST_EPOCH_S = 1e9;

/** An option left empty, e.g. by an expression that found no value. */
function isNotGiven(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Epoch milliseconds, from a number or an ISO 8601 text that names its time zone. */
function readCreationTime(value: unknown): number | undefined {
	if (isNotGiven(value)) return undefined;
	const epoch =
		typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
	if (typeof epoch === 'number' && Number.isInteger(epoch) && epoch >= EARLIEST_EPOCH_MS)
		return epoch;
	if (typeof epoch === 'number' && epoch >= EARLIEST_EPOCH_S && epoch < EARLIEST_EPOCH_MS) {
		throw new InvalidParameterError(
			PARAMETER_NAMES.creationTime,
			`${JSON.stringify(value)} looks like epoch seconds, not milliseconds`,
			'Multiply it by 1000, or give an ISO 8601 time with its zone, e.g. 2026-12-04T09:30:00+08:00.',
		);
	}
	if (
		typeof value === 'string' &&
		/(Z|[+-]\d\d:?\d\d)$/i.test(value.trim()) &&
		!Number.isNaN(Date.parse(value))
	) {
		return Date.parse(value);
	}
	throw new InvalidParameterError(
		PARAMETER_NAMES.creationTime,
		`${JSON.stringify(value)} is not a point in time`,
		'Use epoch milliseconds or an ISO 8601 time with its zone, e.g. 2026-12-04T09:30:00+08:00.',
	);
}

/** Employee fields take a list of employee IDs, even for one person (fxiaoke-api.md §5). */
function readEmployeeIds(value: unknown): string[] | undefined {
	if (isNotGiven(value)) return undefined;
	const list = Array.isArray(value) ? value : String(value).split(',');
	const ids = list.map((id) => String(id).trim()).filter((id) => id !== '');
	if (ids.length === 0 || !ids.every((id) => /^[A-Za-z0-9_]+$/.test(id))) {
		throw new InvalidParameterError(
			PARAMETER_NAMES.createdBy,
			`${JSON.stringify(value)} is not a list of employee IDs`,
			'Enter one employee ID such as 1000, or several separated by commas.',
		);
	}
	return ids;
}

function parseJson(value: unknown, parameter: string): unknown {
	if (typeof value !== 'string') return value;
	const parsed = tryJsonParse(value);
	if (!parsed.ok) {
		throw new InvalidParameterError(
			parameter,
			'is not valid JSON',
			'Check quotes, commas and brackets; property names need double quotes.',
		);
	}
	return parsed.value;
}

function tryJsonParse(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: jsonParse(text) };
	} catch {
		return { ok: false };
	}
}

function parseJsonObject(value: unknown, parameter: string): IDataObject {
	const parsed = parseJson(value, parameter);
	if (!isPlainObject(parsed)) {
		throw new InvalidParameterError(
			parameter,
			`must be a JSON object, got ${describeType(parsed)}`,
			'Write the fields like {"amount": "1000.00", "owner": ["1000"]}.',
		);
	}
	return parsed as IDataObject;
}

function isPlainObject(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
