// The Open Graph picture shared with a link to a guide: the product name, the title and the age.
// Made at build time with next/og's bundled font; nothing is fetched.
import { ImageResponse } from "next/og";

export const OG_SIZE = { width: 1200, height: 630 };

export function ogCard({ title, label }: { title: string; label: string }) {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#fdfcf9",
        color: "#1c2421",
        borderTop: "24px solid #17705f",
      }}
    >
      <div style={{ fontSize: 40, fontWeight: 700, color: "#115a4c" }}>Talk Often</div>
      <div style={{ fontSize: 68, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
      <div style={{ fontSize: 36, color: "#4a5752" }}>{label}</div>
    </div>,
    OG_SIZE,
  );
}
