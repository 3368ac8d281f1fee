-- CreateTable
CREATE TABLE "request_rollup" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "duration_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latency" INTEGER[],

    CONSTRAINT "request_rollup_pkey" PRIMARY KEY ("bucket","provider","outcome")
);
