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
import { ROLE_DESCRIPTIONS, ROLES } from "@/lib/auth/roles";
import type { UserRow } from "@/lib/queries/list-users";
import { formatTime } from "./format-time";
import { InviteUserForm } from "./invite-user-form";
import { UserRowActions } from "./user-row-actions";

export function UsersPanel({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  return (
    <Card aria-labelledby="users-heading">
      <CardHeader>
        <CardTitle id="users-heading">Users</CardTitle>
        <CardDescription>
          {ROLES.map((r) => (
            <span key={r} className="block">
              <strong className="text-fg">{r}</strong> — {ROLE_DESCRIPTIONS[r]}
            </span>
          ))}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <InviteUserForm />
        <TableContainer>
          <Table>
            <TableHead>
              <TableRow>
                <TableHeaderCell>User</TableHeaderCell>
                <TableHeaderCell>Last sign-in</TableHeaderCell>
                <TableHeaderCell>Role and actions</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {users.map((u) => (
                <TableRow key={u.id}>
                  <TableHeaderCell scope="row" className="font-normal">
                    <span className="block font-medium">{u.name}</span>
                    <span className="block text-muted">{u.email}</span>
                    {u.disabled && <Badge tone="danger">disabled</Badge>}
                    {u.id === currentUserId && <Badge tone="info">you</Badge>}
                  </TableHeaderCell>
                  <TableCell className="whitespace-nowrap">{formatTime(u.lastSignInAt)}</TableCell>
                  <TableCell>
                    <UserRowActions user={u} isSelf={u.id === currentUserId} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </CardContent>
    </Card>
  );
}
