-- CreateEnum
CREATE TYPE "RuleKind" AS ENUM ('DAY_OF_MONTH', 'LAST_DAY', 'NTH_WEEKDAY');

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "label" VARCHAR(24),
    "ageGroup" VARCHAR(8),
    "birthYear" INTEGER,
    "birthMonth" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInPlan" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "ruleKind" "RuleKind" NOT NULL,
    "dayOfMonth" INTEGER,
    "nth" INTEGER,
    "weekday" INTEGER,
    "localTime" VARCHAR(5) NOT NULL,
    "timeZone" VARCHAR(64) NOT NULL,
    "emailEnabled" BOOLEAN NOT NULL DEFAULT true,
    "calendarEnabled" BOOLEAN NOT NULL DEFAULT false,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckInPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "topic" VARCHAR(40) NOT NULL,
    "note" VARCHAR(1000),
    "linkId" VARCHAR(40),
    "talkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(80) NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "Child_userId_idx" ON "Child"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckInPlan_childId_key" ON "CheckInPlan"("childId");

-- CreateIndex
CREATE INDEX "CheckInPlan_paused_nextDueAt_idx" ON "CheckInPlan"("paused", "nextDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_linkId_key" ON "CheckIn"("linkId");

-- CreateIndex
CREATE INDEX "CheckIn_childId_talkedAt_idx" ON "CheckIn"("childId", "talkedAt");

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInPlan" ADD CONSTRAINT "CheckInPlan_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

