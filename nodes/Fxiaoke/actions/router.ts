import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as opportunity from './opportunity/Opportunity.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	opportunity: { create: opportunity.create.execute },
};

/**
 * Runs the chosen operation once per input item, in order, and pairs every output item with its
 * input. With "Continue On Fail" a failed item becomes an error item and the others go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = OPERATIONS[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
		);
	}

	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				// Only error/message/details keys, so that "continue (using error output)" routes it there.
				const { message, description } = error as { message: string; description?: string };
				returnData.push({
					json: { error: message, details: description ?? '' },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			// Operations throw n8n errors already; wrapping hands back the same instance.
			if (error instanceof NodeApiError)
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [returnData];
}
