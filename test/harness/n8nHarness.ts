/**
 * Runs the Fxiaoke CRM node the way n8n runs it: n8n-core's real WorkflowExecute builds the real
 * ExecuteContext (parameters, expressions, continueOnFail, pairedItem, the request helpers and
 * httpRequestWithAuthentication), and requests go over loopback HTTP to the simulator.
 *
 * The one piece n8n's CLI package provides and n8n-core does not is the CredentialsHelper (the
 * credential database). `CredentialStore` stands in for it and reproduces the CLI's behaviour in
 * the parts the node relies on: defaults applied on read, `preAuthentication` run when the
 * expirable field is empty or expiry is signalled, its output persisted, function `authenticate`.
 * The e2e suite checks the same behaviour against the real CLI.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	IDataObject,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { FxiaokeApi } from '../../credentials/FxiaokeApi.credentials';
import { Fxiaoke } from '../../nodes/Fxiaoke/Fxiaoke.node';
import { SANDBOX_TENANT } from '../simulator/server';

export const CREDENTIAL_ID = 'fxiaokeCred000001';
const CREDENTIAL_NAME = 'Fxiaoke sandbox';
const NODE_NAME = 'Fxiaoke CRM';

const credentialType = new FxiaokeApi();

/** The credential "database": one stored record per credential ID. */
export class CredentialStore extends ICredentialsHelper {
	readonly saved: Record<string, ICredentialDataDecryptedObject> = {};

	/** How often n8n would have written a refreshed token back. */
	writes = 0;

	constructor(data: ICredentialDataDecryptedObject) {
		super();
		this.saved[CREDENTIAL_ID] = { ...data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	) {
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	) {
		if (credentials.accessToken !== '' && !credentialsExpired) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		const reference = node.credentials?.[typeName];
		if (reference?.id) {
			this.saved[reference.id] = {
				...this.saved[reference.id],
				...(output as ICredentialDataDecryptedObject),
			};
			this.writes += 1;
		}
		return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	) {
		return (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the Fxiaoke node');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.saved[nodeCredentials.id ?? ''] ?? {};
		// As n8n does: every property the credential declares gets its default when unset.
		const withDefaults = NodeHelpers.getNodeParameters(
			credentialType.properties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		);
		return { ...withDefaults, ...stored } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.saved[nodeCredentials.id ?? ''] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

class NodeTypes implements INodeTypes {
	private readonly node = new Fxiaoke();

	getByName(): INodeType {
		return this.node;
	}

	getByNameAndVersion(): INodeType {
		return this.node;
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunOptions {
	parameters: INodeParameters;
	items: IDataObject[];
	store: CredentialStore;
	/** n8n's "On Error" setting of the node. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

export interface RunResult {
	status: IRun['status'];
	/** The node's outputs: [main] or, with continueErrorOutput, [success, error]. */
	outputs: INodeExecutionData[][];
	error?: { message: string; description?: string | null; context?: IDataObject; name?: string };
}

/** Executes one workflow run with the Fxiaoke node fed `items`. */
export async function runNode({
	parameters,
	items,
	store,
	onError,
}: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'fxiaoke-node',
		name: NODE_NAME,
		type: 'n8n-nodes-fxiaoke.fxiaoke',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { fxiaokeApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		...(onError ? { onError } : {}),
	};
	const workflow = new Workflow({
		id: 'harness',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes(),
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'harness-execution', {
		id: 'harness',
		name: 'harness',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));

	const additionalData = {
		credentialsHelper: store,
		hooks,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [items.map((json) => ({ json }))] }, source: null },
			],
		},
	});

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	const task = run.data.resultData.runData[NODE_NAME]?.[0];
	const error = (task?.error ?? run.data.resultData.error) as RunResult['error'];
	return { status: run.status, outputs: (task?.data?.main ?? []) as INodeExecutionData[][], error };
}

/** Credential data for the simulator's sandbox tenant. */
export function sandboxCredentials(
	baseUrl: string,
	overrides: IDataObject = {},
): ICredentialDataDecryptedObject {
	return {
		cloud: 'custom',
		customBaseUrl: baseUrl,
		appId: SANDBOX_TENANT.appId,
		appSecret: SANDBOX_TENANT.appSecret,
		permanentCode: SANDBOX_TENANT.permanentCode,
		employeeId: SANDBOX_TENANT.employees[0],
		...overrides,
	} as ICredentialDataDecryptedObject;
}
