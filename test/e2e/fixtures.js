'use strict';
/** Credentials and workflows the e2e suite and the demo import into n8n. */
const path = require('node:path');

const { SANDBOX_TENANT } = require('../simulator/server');

const EXAMPLE_FILE = path.resolve(__dirname, '../../examples/create-opportunities.workflow.json');
const example = require(EXAMPLE_FILE);

const EXAMPLE_ID = example.id;
const FXIAOKE_NODE = 'Create opportunity';
const SANDBOX_CREDENTIAL_ID = example.nodes.find((node) => node.name === FXIAOKE_NODE).credentials.fxiaokeApi.id;
const WRONG_CREDENTIAL_ID = 'fxiaokeWrongSec1';
const WRONG_SECRET_WORKFLOW_ID = 'fxiaokeWrongWf01';
const CONTINUE_ID = 'fxiaokeContinue1';
const WEBHOOK_ID = 'fxiaokeWebhook01';
const WEBHOOK_PATH = 'fxiaoke-lead';

/** The credential of the simulator's sandbox tenant, as `n8n import:credentials` takes it. */
function sandboxCredential(simulatorUrl, { id = SANDBOX_CREDENTIAL_ID, name = 'Fxiaoke sandbox (simulator)', ...overrides } = {}) {
	return {
		id,
		name,
		type: 'fxiaokeApi',
		data: {
			cloud: 'custom',
			customBaseUrl: simulatorUrl,
			appId: SANDBOX_TENANT.appId,
			appSecret: SANDBOX_TENANT.appSecret,
			permanentCode: SANDBOX_TENANT.permanentCode,
			employeeId: SANDBOX_TENANT.employees[0],
			...overrides,
		},
	};
}

function clone(value) {
	return JSON.parse(JSON.stringify(value));
}

function withCredential(workflow, credentialId) {
	const node = workflow.nodes.find((n) => n.name === FXIAOKE_NODE);
	node.credentials.fxiaokeApi = { id: credentialId, name: credentialId };
	return workflow;
}

/** examples/create-opportunities.workflow.json, optionally under another ID or credential. */
function exampleWorkflow({ id = EXAMPLE_ID, credentialId } = {}) {
	const workflow = clone(example);
	workflow.id = id;
	return credentialId ? withCredential(workflow, credentialId) : workflow;
}

function exampleDeals() {
	const deals = example.nodes.find((node) => node.name === 'Deals').parameters.jsonOutput;
	return JSON.parse(deals).deals;
}

/** The body the docs call for, written out from the example's parameters. */
function expectedExampleBody(deal) {
	return {
		triggerApprovalFlow: true,
		triggerWorkFlow: false,
		hasSpecifyTime: false,
		hasSpecifyCreatedBy: false,
		includeDetailIds: false,
		data: {
			object_data: {
				dataObjectApiName: 'NewOpportunityObj',
				object_describe_api_name: 'NewOpportunityObj',
				name: deal.deal,
				account_id: deal.accountId,
				amount: deal.amount,
				owner: ['1000'],
			},
			details: { NewOpportunityLinesObj: deal.lines },
		},
	};
}

/** The example with other deals and another "On Error" setting. */
function dealsWorkflow({ id, deals, onError }) {
	const workflow = exampleWorkflow({ id });
	workflow.name = `Fxiaoke CRM: ${id}`;
	workflow.nodes.find((node) => node.name === 'Deals').parameters.jsonOutput = JSON.stringify({ deals });
	const fxiaoke = workflow.nodes.find((node) => node.name === FXIAOKE_NODE);
	fxiaoke.parameters = { resource: 'opportunity', operation: 'create', objectApiName: 'NewOpportunityObj', opportunityName: '={{ $json.deal }}' };
	if (onError) fxiaoke.onError = onError;
	return workflow;
}

/** Webhook (a form posts a lead) → Fxiaoke CRM; answers with the created opportunity. */
function webhookWorkflow() {
	return {
		id: WEBHOOK_ID,
		name: 'Fxiaoke CRM: lead form to opportunity',
		nodes: [
			{
				id: '7a1d2c3e-0001-4b6e-9a51-000000000001',
				name: 'Lead form',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '7a1d2c3e-0001-4b6e-9a51-0000000000ff',
				parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
			},
			{
				id: '7a1d2c3e-0002-4b6e-9a51-000000000002',
				name: FXIAOKE_NODE,
				type: 'n8n-nodes-fxiaoke.fxiaoke',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'opportunity',
					operation: 'create',
					objectApiName: 'NewOpportunityObj',
					opportunityName: '={{ $json.body.company }} – {{ $json.body.product }}',
					fieldsInputMode: 'json',
					fieldsJson: '={{ JSON.stringify({ amount: $json.body.budget }) }}',
				},
				credentials: { fxiaokeApi: { id: SANDBOX_CREDENTIAL_ID, name: 'Fxiaoke sandbox (simulator)' } },
			},
		],
		connections: { 'Lead form': { main: [[{ node: FXIAOKE_NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

module.exports = {
	EXAMPLE_ID,
	FXIAOKE_NODE,
	SANDBOX_CREDENTIAL_ID,
	WRONG_CREDENTIAL_ID,
	WRONG_SECRET_WORKFLOW_ID,
	CONTINUE_ID,
	WEBHOOK_ID,
	WEBHOOK_PATH,
	sandboxCredential,
	exampleWorkflow,
	exampleDeals,
	expectedExampleBody,
	dealsWorkflow,
	webhookWorkflow,
};
