/** Types of the simulator (server.js) for the TypeScript tests. */

/** Whatever JSON a client sent or the simulator answered; tests read into it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: Json;
	rawBody: string;
	receivedAt: number;
	response?: { status: number; body: Json };
}

export interface CreatedRecord {
	apiName: string;
	record: Record<string, Json>;
	details?: Record<string, Array<Record<string, Json>>>;
	flags?: Record<string, boolean>;
	optionInfo?: Record<string, boolean>;
}

export type Fault =
	| { errorCode: number; errorMessage?: string; afterCommit?: boolean }
	| { html: true; afterCommit?: boolean }
	| { status: number; afterCommit?: boolean }
	| { hang: true; afterCommit?: boolean }
	| { destroy: true; afterCommit?: boolean }
	| { expireTokens: true };

export interface Tenant {
	appId: string;
	appSecret: string;
	permanentCode: string;
	ea: string;
	employees: string[];
}

export declare const SANDBOX_TENANT: Tenant;

export interface SimulatorOptions {
	tenant?: Tenant;
	tokenLatencyMs?: number;
	/** The per-interface call limit; default 100 calls per 20 s, null for none. */
	interfaceLimit?: { calls: number; windowMs: number } | null;
}

export declare class Simulator {
	constructor(options?: SimulatorOptions);
	url: string;
	tenant: Tenant;
	requests: RecordedRequest[];
	records: CreatedRecord[];
	maxConcurrentTokenCalls: number;
	readonly tokenCalls: number;
	start(port?: number): Promise<this>;
	stop(): Promise<void>;
	reset(): void;
	requestsTo(path: string): RecordedRequest[];
	recordsOf(apiName: string): CreatedRecord[];
	expireTokens(): void;
	advanceClock(seconds: number): void;
	failNext(path: string, fault: Fault, times?: number, options?: { skip?: number }): void;
}

export declare function startSimulator(
	options?: SimulatorOptions & { port?: number },
): Promise<Simulator>;
