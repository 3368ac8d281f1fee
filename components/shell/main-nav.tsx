"use client";
// The section links: a row on wider screens, a compact menu on phones. The current section carries
// aria-current="page" so screen readers announce it, not just a colour.
import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/ui/cn";
import { isCurrentSection, type NavItem } from "./nav-items";

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = items.find((item) => isCurrentSection(item.href, pathname));
  return (
    <>
      <nav aria-label="Main" className="hidden md:block">
        <ul className="flex items-center gap-1">
          {items.map((item) => {
            const active = item === current;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "rounded-md px-2.5 py-1.5 text-sm font-medium text-muted hover:bg-surface-muted hover:text-fg",
                    active && "bg-surface-muted text-fg",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="md:hidden">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="secondary" size="sm" aria-label={`Menu: ${current?.label ?? "sections"}`}>
              <Menu className="size-4" aria-hidden />
              <span>{current?.label ?? "Menu"}</span>
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            {items.map((item) => (
              <DropdownMenuItem key={item.href} asChild>
                <Link href={item.href} aria-current={item === current ? "page" : undefined}>
                  {item.label}
                </Link>
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </>
  );
}
