export default function MobileCertificatesPage() {
  return null;
}
