-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(500),
    "messageId" VARCHAR(200),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delivery_status_idx" ON "Delivery"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_planId_month_key" ON "Delivery"("planId", "month");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CheckInPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

