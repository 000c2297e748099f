import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as opportunity from './actions/opportunity/Opportunity.resource';
import { router } from './actions/router';

export class Fxiaoke implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fxiaoke CRM',
		name: 'fxiaoke',
		icon: { light: 'file:fxiaoke.svg', dark: 'file:fxiaoke.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create records in Fxiaoke (ShareCRM) CRM through its Open API',
		defaults: { name: 'Fxiaoke CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fxiaokeApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Opportunity', value: 'opportunity' }],
				default: 'opportunity',
			},
			...opportunity.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
