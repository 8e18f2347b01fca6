import { qrSvg } from "@/lib/schools/qr";

/** An inline QR code (our own generated SVG) with a text alternative. */
export async function QrCode({ url, label, className }: { url: string; label: string; className?: string }) {
  const svg = await qrSvg(url);
  return (
    <div
      role="img"
      aria-label={label}
      className={className}
      // The SVG is made by the qrcode library from our own URL, not from user input.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
