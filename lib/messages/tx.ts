import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** A Prisma transaction, or the client itself: service functions take either. */
export type TransactionClient = Prisma.TransactionClient | PrismaClient;
