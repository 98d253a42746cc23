import "server-only";
import QRCode from "qrcode";

/** The otpauth:// URI as a PNG data: URL, drawn on the server (the CSP allows data: images, and no script runs). */
export function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 192 });
}
