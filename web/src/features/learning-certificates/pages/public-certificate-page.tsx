export default function PublicCertificatePage() {
  return null;
}
