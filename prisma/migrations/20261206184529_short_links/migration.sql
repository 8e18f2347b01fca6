-- CreateTable
CREATE TABLE "ShortLink" (
    "idHash" CHAR(64) NOT NULL,
    "target" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "verificationToken" CHAR(64),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortLink_pkey" PRIMARY KEY ("idHash")
);

-- CreateIndex
CREATE INDEX "ShortLink_expiresAt_idx" ON "ShortLink"("expiresAt");

-- CreateIndex
CREATE INDEX "ShortLink_verificationToken_idx" ON "ShortLink"("verificationToken");

