export default function CertificateAdminPage() {
  return null;
}
