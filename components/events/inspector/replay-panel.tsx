// The inspector's replay card: which request this one replays and which replay it, the signature kept for
// a rejected request (redacted), and for admins the replay button or why this request cannot be replayed.
import { replayRequestAction } from "@/app/(dashboard)/events/replay-actions";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { RequestDetail } from "@/lib/queries/get-request";
import { replayability } from "@/lib/replay/eligibility";
import { OutcomeBadge } from "../outcome-badge";
import { RequestRef } from "./request-ref";
import { ReplayButton } from "../replay-button";

export function ReplayPanel({ request, mayReplay }: { request: RequestDetail; mayReplay: boolean }) {
  const replayable = replayability({ ...request, signatureHeaders: request.storedSignature });
  return (
    <Card data-testid="replay-panel">
      <CardHeader>
        <CardTitle>Replay</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        {request.replayOf && (
          <p data-testid="replay-of">
            A replay of <RequestRef link={request.replayOf} />.
          </p>
        )}
        {request.replays.length > 0 && (
          <div>
            <p className="font-medium">Replayed as</p>
            <ul className="space-y-1" data-testid="replays">
              {request.replays.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-2">
                  <RequestRef link={r} />
                  <OutcomeBadge outcome={r.outcome} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {request.storedSignature && (
          <div>
            <p className="font-medium">Signature kept for re-verification</p>
            <dl className="grid grid-cols-1 gap-x-4 font-mono text-xs sm:grid-cols-[auto_1fr]">
              {Object.entries(request.storedSignature).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-muted">{name}</dt>
                  <dd className="mb-1 break-all sm:mb-0">{value}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
        {replayable.kind === "ineligible" ? (
          <p className="text-muted" data-testid="replay-ineligible">
            Cannot be replayed: {replayable.reason}.
          </p>
        ) : (
          <p className="text-muted">
            {replayable.kind === "verify_now"
              ? "Replaying verifies its signature again against the current configuration (secrets, WEBHOOK_BASE_URL); it is processed only if it passes."
              : "It was verified when received, so a replay processes the stored body again; its effects count once, like any redelivery."}
          </p>
        )}
        {replayable.kind !== "ineligible" &&
          (mayReplay ? (
            <ReplayButton
              requestId={request.id}
              verifiesNow={replayable.kind === "verify_now"}
              action={replayRequestAction}
            />
          ) : (
            <p className="text-muted">Only an admin may replay requests.</p>
          ))}
      </CardContent>
    </Card>
  );
}
