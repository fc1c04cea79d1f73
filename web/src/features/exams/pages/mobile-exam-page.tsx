export default function MobileExamPage() {
  return null;
}
