export default function CourseEditorPage() {
  return null;
}
