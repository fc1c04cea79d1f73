export default function MobileExamsPage() {
  return null;
}
