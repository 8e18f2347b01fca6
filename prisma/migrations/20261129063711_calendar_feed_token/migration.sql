-- AlterTable
ALTER TABLE "CheckInPlan" ADD COLUMN     "calendarToken" VARCHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "CheckInPlan_calendarToken_key" ON "CheckInPlan"("calendarToken");

