export default function LessonPlayerPage() {
  return null;
}
