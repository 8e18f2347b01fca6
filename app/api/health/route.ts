// GET: liveness. The process answers; nothing else is checked (no database call).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ alive: true }, { headers: { "Cache-Control": "no-store" } });
}
