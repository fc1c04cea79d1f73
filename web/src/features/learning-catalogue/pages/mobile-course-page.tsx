export default function MobileCoursePage() {
  return null;
}
