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

// On a phone each user is a block of its own (name, last sign-in, then the role and actions below), so
// nothing scrolls sideways; from sm up it is a table of three columns.
const PHONE_BLOCK = "max-sm:block";

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
        <TableContainer aria-label="Users" role="region">
          <Table className={PHONE_BLOCK}>
            <TableHead className="max-sm:sr-only">
              <TableRow>
                <TableHeaderCell>User</TableHeaderCell>
                <TableHeaderCell>Last sign-in</TableHeaderCell>
                <TableHeaderCell>Role and actions</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody className={PHONE_BLOCK}>
              {users.map((u) => (
                <TableRow key={u.id} className="max-sm:block max-sm:py-3">
                  <TableHeaderCell scope="row" className="font-normal max-sm:block max-sm:px-0 max-sm:py-0">
                    <span className="block font-medium">{u.name}</span>
                    <span className="block text-muted [overflow-wrap:anywhere]">{u.email}</span>
                    {u.disabled && <Badge tone="danger">disabled</Badge>}
                    {u.id === currentUserId && <Badge tone="info">you</Badge>}
                  </TableHeaderCell>
                  <TableCell className="whitespace-nowrap max-sm:block max-sm:px-0 max-sm:py-1 max-sm:text-xs max-sm:text-muted">
                    <span className="sm:hidden">Last sign-in </span>
                    {formatTime(u.lastSignInAt)}
                  </TableCell>
                  <TableCell className="max-sm:block max-sm:px-0 max-sm:py-1">
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
