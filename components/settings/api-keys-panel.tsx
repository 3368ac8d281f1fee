import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { ApiKeyRow } from "@/lib/queries/list-api-keys";
import { CreateKeyForm } from "./create-key-form";
import { formatTime } from "./format-time";
import { RevokeKeyButton } from "./revoke-key-button";

export function ApiKeysPanel({ keys, envKeyCount }: { keys: ApiKeyRow[]; envKeyCount: number }) {
  return (
    <Card aria-labelledby="keys-heading">
      <CardHeader>
        <CardTitle id="keys-heading">API keys</CardTitle>
        <CardDescription>
          For your sending application: <code>Authorization: Bearer &lt;key&gt;</code>. A key is shown once,
          stored hashed, and refused the moment it is revoked.
          {envKeyCount > 0 &&
            ` Also ${envKeyCount} key${envKeyCount > 1 ? "s" : ""} from API_KEYS (environment).`}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <CreateKeyForm />
        {keys.length === 0 ? (
          <p className="text-sm text-muted">No keys created here yet.</p>
        ) : (
          <TableContainer>
            <Table>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Scope</TableHeaderCell>
                  <TableHeaderCell>Created</TableHeaderCell>
                  <TableHeaderCell>Last used</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="sr-only">Actions</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {keys.map((k) => (
                  <TableRow key={k.id}>
                    <TableHeaderCell scope="row" className="font-normal">
                      <span className="block font-medium">{k.name}</span>
                      <code className="text-muted">{k.prefix}…</code>
                    </TableHeaderCell>
                    <TableCell>
                      <Badge tone={k.scope === "write" ? "warning" : "neutral"}>{k.scope}</Badge>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{formatTime(k.createdAt)}</TableCell>
                    <TableCell className="whitespace-nowrap">{formatTime(k.lastUsedAt)}</TableCell>
                    <TableCell>
                      {k.revokedAt ? (
                        <Badge tone="danger">revoked</Badge>
                      ) : (
                        <RevokeKeyButton id={k.id} name={k.name} />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
