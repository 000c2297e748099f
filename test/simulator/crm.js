'use strict';
/**
 * The CRM side of the simulator: header checks and the business endpoints.
 * Each handler returns the JSON envelope to send with HTTP 200, as the real API does for business
 * and auth errors alike (fxiaoke-api.md §1.4).
 *
 * Where the docs give no error code for a case, the code used is marked ASSUMPTION.
 */
const { randomBytes } = require('node:crypto');
const { OBJECTS } = require('./tenant');

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function ok(fields) {
	return { errorCode: 0, errorMessage: 'OK', errorDescription: 'success', ...fields };
}

function fail(errorCode, errorMessage) {
	return { errorCode, errorMessage, errorDescription: errorMessage };
}

function newId() {
	return randomBytes(12).toString('hex');
}

/**
 * The auth headers every business call carries (fxiaoke-api.md §1.2). Codes: no authorization →
 * 20017 and a bad or dead token → 20016 (both seen by live probes); a wrong x-fs-ea → 20017
 * (ASSUMPTION: "corpId not found"); an unknown x-fs-userid → 30027 ("employee does not exist").
 */
function checkAuth(headers, tenant, tokens) {
	const authorization = headers.authorization;
	if (!authorization) return fail(20017, 'corpAccessToken is required and must not be empty');
	const match = /^Bearer (\S+)$/.exec(authorization);
	if (!match || tokens.check(match[1]) !== 'valid') {
		return fail(20016, 'the cropId,cropAccessToken or authorization is error');
	}
	if (headers['x-fs-ea'] !== tokens.ea(match[1])) return fail(20017, 'corpId not found');
	if (!tenant.employees.includes(headers['x-fs-userid'])) {
		return fail(30027, 'employee does not exist');
	}
	return null;
}

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `POST /cgi/crm/v2/data/create` (fxiaoke-api.md §9, §11.2). Validation failures answer 32000
 * "parameter error" (ASSUMPTION: the real codes for a missing required field or a bad shape are not
 * published). Unknown field names are stored as sent (ASSUMPTION: the docs do not say whether the
 * API rejects or ignores them).
 */
function createRecord(body, store) {
	const data = body && body.data;
	const objectData = data && data.object_data;
	if (!isPlainObject(objectData)) return fail(32000, 'data.object_data is required');
	const apiName = objectData.dataObjectApiName;
	const schema = OBJECTS[apiName];
	if (!schema) return fail(32000, `the object apiName=[${apiName}] is not exists`);
	if (objectData.object_describe_api_name !== apiName) {
		return fail(32000, 'object_describe_api_name must equal dataObjectApiName');
	}
	for (const [field, spec] of Object.entries(schema.fields)) {
		const value = objectData[field];
		if (spec.is_required && (value === undefined || value === null || value === '')) {
			return fail(32000, `required field ${field} (${spec.label}) is empty`);
		}
	}
	if (objectData.owner !== undefined && !Array.isArray(objectData.owner)) {
		return fail(32000, 'owner must be a list of employee IDs');
	}
	const details = data.details === undefined ? {} : data.details;
	if (!isPlainObject(details))
		return fail(32000, 'details must be a map of detail apiName to a list');
	for (const [detailName, records] of Object.entries(details)) {
		if (!schema.details.includes(detailName)) {
			return fail(32000, `${detailName} is not a detail object of ${apiName}`);
		}
		if (!Array.isArray(records) || !records.every(isPlainObject)) {
			return fail(32000, `details.${detailName} must be a list of records`);
		}
	}

	// Like the real API, create_time / created_by are honoured only when their flag is set.
	const record = { ...objectData, _id: newId() };
	if (body.hasSpecifyTime !== true) delete record.create_time;
	if (body.hasSpecifyCreatedBy !== true) delete record.created_by;
	const detailIds = {};
	const detailRecords = {};
	for (const [detailName, records] of Object.entries(details)) {
		detailRecords[detailName] = records.map((line) => ({ ...line, _id: newId() }));
		detailIds[detailName] = detailRecords[detailName].map((line) => line._id);
	}
	store.push({
		apiName,
		record,
		details: detailRecords,
		flags: pickFlags(body),
		optionInfo: data.optionInfo,
	});

	// ASSUMPTION: the shape of the detail IDs is undocumented (fxiaoke-api.md §7); the simulator
	// answers with a map detail apiName → list of IDs under `detailIds`.
	return ok(
		body.includeDetailIds === true ? { dataId: record._id, detailIds } : { dataId: record._id },
	);
}

function pickFlags(body) {
	const flags = {};
	for (const key of [
		'triggerApprovalFlow',
		'triggerWorkFlow',
		'hasSpecifyTime',
		'hasSpecifyCreatedBy',
		'includeDetailIds',
	]) {
		if (key in body) flags[key] = body[key];
	}
	return flags;
}

/** `POST /cgi/crm/v2/object/list` (fxiaoke-api.md §8.1): the cheap read the credential test uses. */
function listObjects() {
	return ok({
		data: {
			objects: Object.entries(OBJECTS).map(([describeApiName, schema]) => ({
				describeApiName,
				describeDisplayName: schema.label,
				defineType: 'package',
				isActive: true,
			})),
		},
	});
}

/** `POST /cgi/crm/v2/object/describe` (fxiaoke-api.md §8.2). */
function describeObject(body) {
	const apiName = body && body.data && body.data.apiName;
	const schema = OBJECTS[apiName];
	if (typeof apiName !== 'string' || !API_NAME.test(apiName) || !schema) {
		return fail(32000, `the object apiName=[${apiName}] is not exists`);
	}
	const fields = {};
	for (const [field, spec] of Object.entries(schema.fields)) {
		fields[field] = { api_name: field, is_active: true, define_type: 'package', ...spec };
	}
	return ok({ data: { describe: { api_name: apiName, display_name: schema.label, fields } } });
}

module.exports = { checkAuth, createRecord, listObjects, describeObject, ok, fail };
