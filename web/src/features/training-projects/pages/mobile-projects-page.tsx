export default function MobileProjectsPage() {
  return null;
}
