// QR codes for the age-group hubs, drawn with the `qrcode` library.
import QRCode from "qrcode";

const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

/** An SVG QR code for `url`, dark modules on white. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: "svg", color: { dark: "#000000", light: "#ffffff" } });
}

/** A PNG QR code for `url`, `width` pixels wide (big enough for print and slides). */
export async function qrPng(url: string, width = 800): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: "png", width });
}
