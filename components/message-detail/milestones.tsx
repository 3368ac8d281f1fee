// When the message reached each step (sent, delivered, opened, clicked…) and how often it was engaged with.
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MessageDetail } from "@/lib/queries/get-message";
import { formatTime } from "@/lib/ui/format-time";

export function Milestones({ message }: { message: MessageDetail }) {
  const m = message.milestones;
  const rows: Array<[string, string | null]> = [
    ["Sent", message.sentAt],
    // A failed or bounced message will not be delivered: "Delivered: not yet" would promise otherwise.
    ...(m.deliveredAt || !(m.failedAt || m.bouncedAt)
      ? ([["Delivered", m.deliveredAt]] as Array<[string, string | null]>)
      : []),
    ...(m.failedAt ? ([["Failed", m.failedAt]] as Array<[string, string]>) : []),
    ...(m.bouncedAt ? ([["Bounced", m.bouncedAt]] as Array<[string, string]>) : []),
    // Nor will a bounced or failed email be opened: show opens and clicks only when they can still come.
    ...(message.channel === "email" && (m.firstOpenedAt || !(m.failedAt || m.bouncedAt))
      ? ([["First opened", m.firstOpenedAt]] as Array<[string, string | null]>)
      : []),
    ...(message.channel === "email" && (m.firstClickedAt || !(m.failedAt || m.bouncedAt))
      ? ([["First clicked", m.firstClickedAt]] as Array<[string, string | null]>)
      : []),
    ...(m.complainedAt ? ([["Marked as spam", m.complainedAt]] as Array<[string, string]>) : []),
  ];
  return (
    <Card aria-labelledby="milestones-title">
      <CardHeader>
        <CardTitle id="milestones-title">Milestones</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {rows.map(([label, at]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd>
                {at ? (
                  <time dateTime={at}>{formatTime(at)}</time>
                ) : (
                  <span className="text-muted">not yet</span>
                )}
              </dd>
            </div>
          ))}
          {message.channel === "email" &&
            (message.engagement.openCount > 0 || !(m.failedAt || m.bouncedAt)) && (
              <div className="contents">
                <dt className="text-muted">Engagement</dt>
                <dd data-testid="engagement">
                  {message.engagement.openCount} {message.engagement.openCount === 1 ? "open" : "opens"},{" "}
                  {message.engagement.clickCount} {message.engagement.clickCount === 1 ? "click" : "clicks"}
                </dd>
              </div>
            )}
        </dl>
      </CardContent>
    </Card>
  );
}
