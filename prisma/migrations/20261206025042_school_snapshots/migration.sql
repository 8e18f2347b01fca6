-- CreateTable
CREATE TABLE "SchoolSignUpFamily" (
    "schoolId" TEXT NOT NULL,
    "term" VARCHAR(12) NOT NULL,
    "family" VARCHAR(64) NOT NULL,

    CONSTRAINT "SchoolSignUpFamily_pkey" PRIMARY KEY ("schoolId","term","family")
);

-- CreateTable
CREATE TABLE "SchoolSnapshot" (
    "schoolId" TEXT NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "figures" JSONB NOT NULL,

    CONSTRAINT "SchoolSnapshot_pkey" PRIMARY KEY ("schoolId","month")
);

-- CreateTable
CREATE TABLE "UsedRemindRequest" (
    "id" VARCHAR(32) NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsedRemindRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsedRemindRequest_usedAt_idx" ON "UsedRemindRequest"("usedAt");

-- AddForeignKey
ALTER TABLE "SchoolSignUpFamily" ADD CONSTRAINT "SchoolSignUpFamily_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolSnapshot" ADD CONSTRAINT "SchoolSnapshot_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

