'use strict';
/**
 * The simulator's sandbox tenant: app credentials, employees and the object schemas it serves.
 *
 * The field lists follow the fields observed in public material (shared/reference/fxiaoke-api.md
 * §6.2). Which fields a real tenant requires is tenant-configurable; this sandbox requires only
 * `name` (the one field every opportunity object has) so that examples stay small.
 */

const SANDBOX_TENANT = {
	appId: 'FSAID_sandbox0001',
	appSecret: 'sandbox-app-secret-0001',
	permanentCode: 'sandbox-permanent-code-0001',
	ea: 'fssandbox01',
	employees: ['1000', '1001'],
};

/** Minimal describe-style schemas: fieldApiName → { type, label, is_required }. */
const OBJECTS = {
	OpportunityObj: {
		label: 'Opportunity',
		details: [],
		fields: {
			name: { type: 'text', label: 'Opportunity Name', is_required: true },
			account_id: { type: 'object_reference', label: 'Account', is_required: false },
			expected_deal_amount: { type: 'currency', label: 'Expected Deal Amount', is_required: false },
			expected_deal_closed_date: { type: 'date', label: 'Expected Close Date', is_required: false },
			owner: { type: 'employee', label: 'Owner', is_required: false },
		},
	},
	NewOpportunityObj: {
		label: 'Opportunity 2.0',
		details: ['NewOpportunityLinesObj'],
		fields: {
			name: { type: 'text', label: 'Opportunity Name', is_required: true },
			account_id: { type: 'object_reference', label: 'Account', is_required: false },
			amount: { type: 'currency', label: 'Amount', is_required: false },
			close_date: { type: 'date', label: 'Expected Close Date', is_required: false },
			sales_stage: { type: 'select_one', label: 'Sales Stage', is_required: false },
			owner: { type: 'employee', label: 'Owner', is_required: false },
		},
	},
	NewOpportunityLinesObj: {
		label: 'Opportunity Lines',
		details: [],
		fields: {
			product_id: { type: 'object_reference', label: 'Product', is_required: false },
			quantity: { type: 'number', label: 'Quantity', is_required: false },
			price: { type: 'currency', label: 'Price', is_required: false },
		},
	},
	AccountObj: {
		label: 'Account',
		details: [],
		fields: {
			name: { type: 'text', label: 'Account Name', is_required: true },
		},
	},
};

/** Accounts the demo tenant starts with, so example workflows can link an opportunity to one. */
const SEED_ACCOUNTS = [
	{ _id: '65f1c0d2a1b2c30001a0b1c2', name: 'ACME Trading Co.' },
	{ _id: '65f1c0d2a1b2c30001a0b1c3', name: 'Globex Shanghai' },
	{ _id: '65f1c0d2a1b2c30001a0b1c4', name: 'Initech Shenzhen' },
];

module.exports = { SANDBOX_TENANT, OBJECTS, SEED_ACCOUNTS };
