"use client";
// The signed-in user, their role, and sign-out.
import { LogOut, UserRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { SessionUser } from "@/lib/auth/roles";
import { signOut } from "@/lib/auth/sign-out";

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="user-menu">
          <UserRound className="size-4" aria-hidden />
          {/* On a phone only the icon shows; the name and role stay for screen readers. */}
          <span className="sr-only sm:not-sr-only sm:max-w-40 sm:truncate">{user.name}</span>
          <span className="sr-only sm:not-sr-only sm:rounded sm:bg-surface-muted sm:px-1.5 sm:text-xs sm:text-muted">
            {user.role}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>
          <span className="block truncate text-fg">{user.email}</span>
          <span className="block">Role: {user.role}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOut()}>
          <LogOut className="size-4" aria-hidden />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
