export default function MobileProjectPage() {
  return null;
}
