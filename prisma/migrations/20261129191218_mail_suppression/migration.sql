-- CreateEnum
CREATE TYPE "MailSuppression" AS ENUM ('BOUNCE', 'COMPLAINT', 'SOFT_BOUNCES', 'SMTP_REFUSED');

-- AlterEnum
ALTER TYPE "AttemptOutcome" ADD VALUE 'SUPPRESSED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailSuppressedAt" TIMESTAMP(3),
ADD COLUMN     "mailSuppressedReason" "MailSuppression",
ADD COLUMN     "softBounces" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MetricCounter" (
    "name" VARCHAR(60) NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricCounter_pkey" PRIMARY KEY ("name")
);

