-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarToken" VARCHAR(64),
ADD COLUMN     "separateReminders" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");

