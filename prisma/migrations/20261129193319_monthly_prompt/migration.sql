-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "starter" VARCHAR(300),
ADD COLUMN     "topic" VARCHAR(40);

