-- AlterTable
ALTER TABLE "Child" ADD COLUMN     "requestId" VARCHAR(32);

-- CreateIndex
CREATE UNIQUE INDEX "Child_requestId_key" ON "Child"("requestId");

