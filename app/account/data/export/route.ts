// GET: everything we hold about the signed-in parent, as a JSON download.
import { dataExportResponse } from "@/lib/accounts/account-data";

export async function GET() {
  return dataExportResponse();
}
