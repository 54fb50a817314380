// A client of the gateway written only against the types openapi-typescript generates from the services' documents
// (into types/). It is type-checked, never run: it compiles only while every answer it reads is documented with its
// JSON schema, so a route that loses its schema fails CI here as it would fail a real client's build.
import type { paths as Audit } from "./types/audit";
import type { paths as RegulatorLiaison } from "./types/regulatorliaison";
import type { paths as Submissions } from "./types/submissions";

// An answer documented without a body of this media type does not satisfy the constraint: a compile error that
// names the answer.
type Body<Answer extends { content: Record<MediaType, unknown> }, MediaType extends string> = Answer["content"][MediaType];
type Json<Answer extends { content: { "application/json": unknown } }> = Body<Answer, "application/json">;
type Problem<Answer extends { content: { "application/problem+json": unknown } }> = Body<Answer, "application/problem+json">;

type CreatePaper = Submissions["/api/papers"]["post"];
type GetPaper = Submissions["/api/papers/{id}"]["get"];
type CompileDigest = RegulatorLiaison["/api/consultations/{id}/digests"]["post"];
type VerifyLedger = Audit["/api/audit/verify"]["get"];

export interface Callers {
  author: string;
  liaisonOfficer: string;
  auditor: string;
}

/** Sends one request through the gateway and reads the JSON of the one status the flow expects. */
async function call<Answer>(gateway: URL, token: string, method: string, path: string, expected: number, body?: unknown): Promise<Answer> {
  const response = await fetch(new URL(path, gateway), {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}, not ${expected}`);
  return (await response.json()) as Answer;
}

/** SPEC's flow in a client's words: draft a paper, read it back, compile the digest, verify the ledger, and meet a 404. */
export async function consultationFlow(gateway: URL, callers: Callers, consultationId: string): Promise<string[]> {
  const draft: CreatePaper["requestBody"]["content"]["application/json"] = {
    consultationId,
    title: "Privacy by default",
    summary: "Avatars reveal no more than their owner chooses.",
    body: "Long text",
  };
  const created = await call<Json<CreatePaper["responses"][201]>>(gateway, callers.author, "POST", "/api/papers", 201, draft);
  const paper = await call<Json<GetPaper["responses"][200]>>(gateway, callers.author, "GET", `/api/papers/${created.id}`, 200);
  const digest = await call<Json<CompileDigest["responses"][201]>>(
    gateway, callers.liaisonOfficer, "POST", `/api/consultations/${consultationId}/digests`, 201);
  const ledger = await call<Json<VerifyLedger["responses"][200]>>(gateway, callers.auditor, "GET", "/api/audit/verify", 200);
  const unknownPaper = await call<Problem<GetPaper["responses"][404]>>(
    gateway, callers.author, "GET", `/api/papers/${crypto.randomUUID()}`, 404);

  if (!ledger.valid) throw new Error(`The ledger's chain is broken; its head is ${ledger.headHash}`);
  return [
    `paper ${created.id} is ${created.status} with ${paper.reviews.length} reviews`,
    `digest ${digest.contentHash}: ${digest.positions.map((position) => position.body).join(" | ")}; ` +
      `${digest.statistics.pendingReview} pending review`,
    `ledger head ${ledger.headHash}`,
    `unknown paper: ${unknownPaper.detail ?? "no detail"}`,
  ];
}
